/**
 * A round's id within its agency: the fiscal year and period, lower-cased
 * ("2566-h1") so it can sit in S3 keys, URLs and DynamoDB keys unchanged.
 */

import type { Period } from '../thai/fiscal-period.js';

export interface RoundRef {
  agencyId: string;
  roundId: string;
}

const ROUND_ID = /^(\d{4})-(h1|fy)$/;

export function roundIdOf(fiscalYear: number, period: Period): string {
  return `${fiscalYear}-${period.toLowerCase()}`;
}

/** The fiscal year and period a round id names, or undefined if it names none. */
export function parseRoundId(roundId: string): { fiscalYear: number; period: Period } | undefined {
  const match = ROUND_ID.exec(roundId);
  if (!match) return undefined;
  return {
    fiscalYear: Number(match[1]),
    period: match[2] === 'h1' ? 'H1' : 'FY',
  };
}
