/** The line at the top of every page of the PDF: agency, fiscal year and round. */

import type { Report } from '../schemas/report-schema.js';
import { periodLabelTh } from '../thai/fiscal-period.js';
import { thaiNumber } from '../thai/thai-digits.js';

export function runningHeader(report: Pick<Report, 'agency' | 'fiscalYear' | 'period'>): string {
  return `${report.agency.nameTh} · ประจำปีงบประมาณ พ.ศ. ${thaiNumber(report.fiscalYear)} ${periodLabelTh(report.period)}`;
}
