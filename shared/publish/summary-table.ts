/**
 * The roll-up table both published formats print: one row per plan item
 * (number, title, division by name, budget used) and the total, in Thai digits.
 */

import { formatBahtThaiNumber, parseBaht } from '../money/baht.js';
import { divisionName } from '../people/division-names.js';
import { NO_BUDGET_TH } from '../report/section-headings.js';
import type { Report } from '../schemas/report-schema.js';
import { thaiNumber } from '../thai/thai-digits.js';

export const SUMMARY_TABLE_HEADINGS = [
  'ที่',
  'โครงการ/กิจกรรม',
  'หน่วยงานที่รับผิดชอบ',
  'งบประมาณที่ใช้ (บาท)',
] as const;

export interface SummaryTableRows {
  items: string[][];
  total: string[];
}

/** An amount without its unit (the column heading names it), or "ไม่ใช้งบประมาณ". */
function amount(decimal: string): string {
  if (decimal === 'none') return NO_BUDGET_TH;
  const parsed = parseBaht(decimal);
  return parsed.ok ? formatBahtThaiNumber(parsed.satang) : decimal;
}

export function summaryTableRows(report: Report): SummaryTableRows {
  return {
    items: report.items.map((item) => [
      thaiNumber(item.no),
      item.title,
      divisionName(report, item.division).th,
      amount(item.budgetUsed),
    ]),
    total: ['', 'รวม', '', amount(report.rollup.budgetUsed)],
  };
}
