/**
 * A synthetic round of any size in the standard outline: the seed's six
 * items repeated (with their real, varied shapes) and numbered in order.
 */

import { buildReport } from '../shared/report/build-report.js';
import { renderReportText } from '../shared/report/render-report-text.js';
import type { Round } from '../shared/schemas/round-schema.js';
import type { Submission } from '../shared/schemas/submission-schema.js';

export function syntheticRoundText(round: Round, submissions: Submission[], size: number): string {
  const items = Array.from({ length: size }, (_, index) => {
    const source = round.items[index % round.items.length];
    if (!source) throw new Error('the round has no items');
    return { ...source, no: index + 1, division: `division-${(index % 40) + 1}` };
  });
  const bigRound: Round = { ...round, items };
  const bigSubmissions = items.map((item, index) => {
    const source = submissions[index % submissions.length] as Submission;
    return { ...source, itemNo: item.no, division: item.division };
  });
  const report = buildReport(bigRound, bigSubmissions);
  if (!report.ok) throw new Error(JSON.stringify(report.problems));
  return renderReportText(report.value, { summary: false });
}
