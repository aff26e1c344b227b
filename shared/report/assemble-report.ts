/**
 * From unvalidated documents (a round and its submissions, as read from
 * files or storage) to the report document, or every problem found on the
 * way, each tagged with the source it came from.
 */

import type { Report } from '../schemas/report-schema.js';
import type { Submission } from '../schemas/submission-schema.js';
import { validateRound } from '../validation/validate-round.js';
import { validateSubmission } from '../validation/validate-submission.js';
import type { Validated, ValidationProblem } from '../validation/validation-problem.js';
import { buildReport, type ReportExtras } from './build-report.js';

export interface SourcedDocument {
  /** Where the document came from (a file name or a storage key). */
  source: string;
  value: unknown;
}

export function assembleReport(
  round: SourcedDocument,
  submissions: readonly SourcedDocument[],
  extras: ReportExtras = {},
): Validated<Report> {
  const problems: ValidationProblem[] = [];
  const tag = (source: string) => (p: ValidationProblem) => ({ ...p, file: p.file ?? source });
  const validRound = validateRound(round.value);
  if (!validRound.ok) problems.push(...validRound.problems.map(tag(round.source)));
  const valid: Submission[] = [];
  const sources: string[] = [];
  for (const submission of submissions) {
    const result = validateSubmission(submission.value);
    if (result.ok) {
      valid.push(result.value);
      sources.push(submission.source);
    } else {
      problems.push(...result.problems.map(tag(submission.source)));
    }
  }
  if (!validRound.ok || problems.length > 0) return { ok: false, problems };
  const report = buildReport(validRound.value, valid, extras);
  if (report.ok) return report;
  // buildReport names submissions by index; name them by source instead.
  return {
    ok: false,
    problems: report.problems.map((p) => {
      const index = /^submissions\[(\d+)\]/.exec(p.path)?.[1];
      if (index === undefined) return { ...p, file: round.source };
      return {
        ...p,
        path: p.path.replace(/^submissions\[\d+\]/, '$'),
        file: sources[Number(index)],
      };
    }),
  };
}
