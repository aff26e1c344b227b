/**
 * Which round is newer. Within a fiscal year the twelve-month round (FY,
 * ends 30 September) comes after the six-month one (H1, ends 31 March):
 * the period codes' alphabetical order ("fy" < "h1") is the wrong way round,
 * so neither round ids nor periods may be compared as text. The portal's
 * round list (server and browser) and the public index share this order.
 */

import type { Period } from '../thai/fiscal-period.js';

export interface RoundPosition {
  fiscalYear: number;
  period: Period;
}

const PERIOD_RANK: Record<Period, number> = { H1: 0, FY: 1 };

/** A comparator for sort(): the newest round first. */
export function newestRoundFirst(a: RoundPosition, b: RoundPosition): number {
  return b.fiscalYear - a.fiscalYear || PERIOD_RANK[b.period] - PERIOD_RANK[a.period];
}
