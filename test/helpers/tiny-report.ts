/** A one-item report with the given progress points, for renderer edge cases. */

import { buildReport } from '../../shared/report/build-report.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import { validateRound, validateSubmission } from '../../shared/validation/validate-document.js';

export function tinyReport(progress: string[], title = 'กิจกรรมทดสอบการจัดหน้า'): Report {
  const round = validateRound({
    type: 'round',
    schemaVersion: 1,
    agency: { id: 'test-agency', nameTh: 'หน่วยงานทดสอบ' },
    fiscalYear: 2567,
    period: 'FY',
    due: '2024-10-30',
    items: [{ no: 1, kind: 'activity', title, division: 'div-test' }],
  });
  const submission = validateSubmission({
    type: 'submission',
    schemaVersion: 1,
    agencyId: 'test-agency',
    fiscalYear: 2567,
    period: 'FY',
    itemNo: 1,
    division: 'div-test',
    objectives: { paragraphs: ['เพื่อทดสอบ'] },
    progress: { points: progress.map((text) => ({ text })) },
    budgetUsed: '1250.50',
    problems: 'none',
    recommendations: 'none',
  });
  if (!round.ok || !submission.ok) throw new Error('tiny report fixture is invalid');
  const report = buildReport(round.value, [submission.value]);
  if (!report.ok) throw new Error('tiny report did not build');
  return report.value;
}
