/**
 * The roll-up as a short Thai summary: the lines printed after the last plan
 * item, and shown by the CLI.
 */

import { formatBahtThai, parseBaht } from '../money/baht.js';
import { divisionName } from '../people/division-names.js';
import type { Report, RollupValue } from '../schemas/report-schema.js';
import { thaiGroupedNumber } from '../thai/thai-digits.js';
import { KIND_WORD_TH } from './section-headings.js';

export const SUMMARY_HEADING_TH = 'สรุปภาพรวมผลการดำเนินงาน';

function baht(decimal: string): string {
  const parsed = parseBaht(decimal);
  return parsed.ok ? formatBahtThai(parsed.satang) : decimal;
}

const count = (n: number) => `${thaiGroupedNumber(n)} รายการ`;

/** The divisions are named from `names` (the report's), by code where it names none. */
export function rollupSummaryLines(
  rollup: RollupValue,
  names: Pick<Report, 'divisions'> = {},
): string[] {
  const kinds = (Object.keys(rollup.byKind) as Array<keyof typeof rollup.byKind>)
    .filter((kind) => rollup.byKind[kind] > 0)
    .map((kind) => `${KIND_WORD_TH[kind]} ${count(rollup.byKind[kind])}`);
  const lines = [
    `จำนวนโครงการ/กิจกรรมทั้งหมด ${count(rollup.items)}${kinds.length ? ` ได้แก่ ${kinds.join(' ')}` : ''}`,
    `งบประมาณที่ใช้ดำเนินงานรวม ${baht(rollup.budgetUsed)} (ใช้งบประมาณ ${count(rollup.itemsWithBudget)} ไม่ใช้งบประมาณ ${count(rollup.itemsWithoutBudget)})`,
    `โครงการ/กิจกรรมที่มีปัญหา/อุปสรรค ${count(rollup.itemsWithProblems)}`,
    `โครงการ/กิจกรรมที่มีข้อเสนอแนะ ${count(rollup.itemsWithRecommendations)}`,
  ];
  for (const division of rollup.byDivision) {
    lines.push(
      `${divisionName(names, division.division).th}: ${count(division.items)} งบประมาณ ${baht(division.budgetUsed)} มีปัญหา/อุปสรรค ${count(division.itemsWithProblems)} มีข้อเสนอแนะ ${count(division.itemsWithRecommendations)}`,
    );
  }
  return lines;
}
