/**
 * Thai fiscal years and reporting periods.
 *
 * A Thai fiscal year is named by the Buddhist-era year in which it ends and
 * runs 1 October – 30 September (FY 2566 = 2022-10-01 .. 2023-09-30).
 * The six-month round (H1, รอบ ๖ เดือน) covers 1 October – 31 March; the
 * twelve-month round (FY, รอบ ๑๒ เดือน) covers the whole fiscal year.
 */

import { thaiNumber } from './thai-digits.js';

export type Period = 'H1' | 'FY';

/** The Buddhist era is the Common Era plus 543 years. */
export const BUDDHIST_ERA_OFFSET = 543;

export interface PeriodBounds {
  /** ISO date (YYYY-MM-DD), first day of the period. */
  start: string;
  /** ISO date (YYYY-MM-DD), last day of the period (inclusive). */
  end: string;
}

export function periodBounds(fiscalYearBE: number, period: Period): PeriodBounds {
  const endYearCE = fiscalYearBE - BUDDHIST_ERA_OFFSET;
  return {
    start: `${endYearCE - 1}-10-01`,
    end: period === 'H1' ? `${endYearCE}-03-31` : `${endYearCE}-09-30`,
  };
}

/** "รอบ ๖ เดือน" / "รอบ ๑๒ เดือน", as the report's title block writes it. */
export function periodLabelTh(period: Period): string {
  return `รอบ ${thaiNumber(period === 'H1' ? 6 : 12)} เดือน`;
}

export function periodLabelEn(period: Period): string {
  return period === 'H1' ? 'six-month round' : 'twelve-month round';
}

/** The number of months a period covers, as written in its Thai label. */
export function periodMonths(period: Period): number {
  return period === 'H1' ? 6 : 12;
}

/** Reads the months of a "รอบ N เดือน" label back into a period. */
export function periodFromMonths(months: number): Period | undefined {
  if (months === 6) return 'H1';
  if (months === 12) return 'FY';
  return undefined;
}

/** Adds whole days to an ISO date, in UTC so no time zone shifts the day. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
