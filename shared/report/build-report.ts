/**
 * Assembles the report document from a round and one accepted submission
 * per plan item, checking that each submission belongs where it claims.
 */

import type { Report } from '../schemas/report-schema.js';
import type { PlanItemValue, Round } from '../schemas/round-schema.js';
import type { Submission } from '../schemas/submission-schema.js';
import { periodBounds } from '../thai/fiscal-period.js';
import { thaiNumber } from '../thai/thai-digits.js';
import { makeProblem } from '../validation/make-problem.js';
import type { Validated, ValidationProblem } from '../validation/validation-problem.js';
import { computeRollup } from './compute-rollup.js';
import { reportTitle } from './report-title.js';

/** Why `submission` cannot stand for an item of `round`, if it cannot. */
export function checkSubmissionAgainstRound(
  round: Round,
  submission: Submission,
  path = '$',
): ValidationProblem[] {
  return checkSubmissionAgainstItem(round, round.items[submission.itemNo - 1], submission, path);
}

/**
 * The same check knowing only the round's settings and the one plan item the
 * submission names (`undefined` when the plan has no such number), which is
 * all intake reads of a round.
 */
export function checkSubmissionAgainstItem(
  round: Pick<Round, 'agency' | 'fiscalYear' | 'period'>,
  item: PlanItemValue | undefined,
  submission: Submission,
  path = '$',
): ValidationProblem[] {
  const expected = `${round.agency.id} ${round.fiscalYear} ${round.period}`;
  const received = `${submission.agencyId} ${submission.fiscalYear} ${submission.period}`;
  if (expected !== received) {
    return [makeProblem('submission.roundMismatch', path, { expected, received })];
  }
  if (!item || item.no !== submission.itemNo) {
    return [makeProblem('submission.unknownItem', `${path}.itemNo`, { itemNo: submission.itemNo })];
  }
  if (item.division !== submission.division) {
    return [
      makeProblem('submission.wrongDivision', `${path}.division`, {
        itemNo: item.no,
        expected: item.division,
        received: submission.division,
      }),
    ];
  }
  return [];
}

export interface ReportExtras {
  signOff?: Report['signOff'];
  publishedVersion?: number;
  provenance?: ReadonlyMap<number, NonNullable<Report['items'][number]['provenance']>>;
}

/** The round's division names that its plan items use, in plan order (the rest are not the report's). */
function namedDivisions(round: Round): NonNullable<Report['divisions']> {
  const named = new Map((round.divisions ?? []).map((d) => [d.code, d]));
  const used = [...new Set(round.items.map((item) => item.division))];
  return used.flatMap((code) => {
    const division = named.get(code);
    return division ? [division] : [];
  });
}

export function buildReport(
  round: Round,
  submissions: readonly Submission[],
  extras: ReportExtras = {},
): Validated<Report> {
  const problems: ValidationProblem[] = [];
  const byItem = new Map<number, Submission>();
  submissions.forEach((submission, index) => {
    const path = `submissions[${index}]`;
    const mismatch = checkSubmissionAgainstRound(round, submission, path);
    if (mismatch.length) {
      problems.push(...mismatch);
    } else if (byItem.has(submission.itemNo)) {
      problems.push(
        makeProblem('report.duplicateSubmission', path, { itemNo: thaiNumber(submission.itemNo) }),
      );
    } else {
      byItem.set(submission.itemNo, submission);
    }
  });
  for (const item of round.items) {
    if (!byItem.has(item.no)) {
      problems.push(
        makeProblem('report.missingSubmission', `$.items[${item.no - 1}]`, {
          itemNo: thaiNumber(item.no),
          division: item.division,
        }),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const items = round.items.map((item) => {
    const s = byItem.get(item.no) as Submission;
    const provenance = extras.provenance?.get(item.no);
    return {
      ...item,
      objectives: s.objectives,
      progress: s.progress,
      budgetUsed: s.budgetUsed,
      problems: s.problems,
      recommendations: s.recommendations,
      ...(provenance ? { provenance } : {}),
    };
  });
  const bounds = periodBounds(round.fiscalYear, round.period);
  const report: Report = {
    type: 'report',
    schemaVersion: 1,
    agency: round.agency,
    fiscalYear: round.fiscalYear,
    period: round.period,
    periodStart: bounds.start,
    periodEnd: bounds.end,
    title: reportTitle(round.fiscalYear, round.period),
    items,
    ...(round.divisions ? { divisions: namedDivisions(round) } : {}),
    rollup: computeRollup(items),
    ...(extras.signOff ? { signOff: extras.signOff } : {}),
    ...(extras.publishedVersion ? { publishedVersion: extras.publishedVersion } : {}),
  };
  return { ok: true, value: report, problems: [] };
}
