/**
 * The report's title block, as the standard report prints it on two lines:
 * "รายงานการกำกับติดตาม" / "การดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ
 * พ.ศ. ๒๕๖๖ รอบ ๖ เดือน".
 */

import { type Period, periodLabelTh } from '../thai/fiscal-period.js';
import { thaiNumber } from '../thai/thai-digits.js';

export function reportTitleLines(fiscalYear: number, period: Period): [string, string] {
  return [
    'รายงานการกำกับติดตาม',
    `การดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ${thaiNumber(fiscalYear)} ${periodLabelTh(period)}`,
  ];
}

/** The title on one line, for metadata and the report document. */
export function reportTitle(fiscalYear: number, period: Period): string {
  return reportTitleLines(fiscalYear, period).join('');
}
