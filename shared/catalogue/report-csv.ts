/** A report's plan items as open data: one CSV row per item. */

import { divisionName } from '../people/division-names.js';
import type { Report } from '../schemas/report-schema.js';
import { toCsv } from './csv.js';

export const REPORT_CSV_HEADER = [
  'item_no',
  'kind',
  'title',
  'division',
  'division_name_th',
  'budget_used_baht',
  'has_problems',
  'has_recommendations',
] as const;

export function reportCsv(report: Report): string {
  return toCsv(
    REPORT_CSV_HEADER,
    report.items.map((item) => [
      item.no,
      item.kind,
      item.title,
      item.division,
      divisionName(report, item.division).th,
      // "none" (ไม่ใช้งบประมาณ) is not zero spent from a budget: an empty cell says so.
      item.budgetUsed === 'none' ? '' : item.budgetUsed,
      item.problems !== 'none',
      item.recommendations !== 'none',
    ]),
  );
}
