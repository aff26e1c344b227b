/**
 * Turns an uploaded file into a validated submission for the plan item its
 * key names. JSON is a submission document; `.txt` and Word (after text
 * extraction) are the standard outline, read by the same importer the CLI
 * uses. Everything wrong is reported at once, in Thai and English.
 */

import { importReportOutline } from '../outline/import-report-outline.js';
import { checkSubmissionAgainstRound } from '../report/build-report.js';
import type { Round } from '../schemas/round-schema.js';
import type { Submission } from '../schemas/submission-schema.js';
import { thaiNumber } from '../thai/thai-digits.js';
import { parseJsonText } from '../validation/parse-json-text.js';
import { validateSubmission } from '../validation/validate-submission.js';
import type { Validated, ValidationProblem } from '../validation/validation-problem.js';
import { UPLOAD_FORMATS, type UploadFormat, type UploadTarget } from './upload-key.js';
import { workflowProblem } from './workflow-messages.js';

/** What S3 says about the object, re-checked because emulators ignore POST policies. */
export interface ObjectFacts {
  size: number;
  contentType: string | undefined;
}

export function checkObjectFacts(format: UploadFormat, facts: ObjectFacts): ValidationProblem[] {
  const expected = UPLOAD_FORMATS[format];
  const problems: ValidationProblem[] = [];
  if (facts.size > expected.maxBytes) {
    problems.push(
      workflowProblem('upload.tooLarge', '$', { size: facts.size, max: expected.maxBytes }),
    );
  }
  if (facts.contentType !== expected.contentType) {
    problems.push(
      workflowProblem('upload.wrongType', '$', {
        received: facts.contentType ?? '(none)',
        expected: expected.contentType,
      }),
    );
  }
  return problems;
}

/** UTF-8 text of an upload; a file in another encoding is refused rather than garbled. */
export function decodeUtf8(bytes: Uint8Array): Validated<string> {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, value: text, problems: [] };
  } catch {
    return { ok: false, problems: [workflowProblem('upload.notText')] };
  }
}

function fromJson(text: string): Validated<Submission> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  return validateSubmission(parsed.value);
}

/**
 * An outline upload is usually one item (its heading numbered "๑."), which
 * stands for the key's item whatever its number; a whole report is accepted
 * too, and the key's item is taken from it.
 */
function fromOutline(text: string, round: Round, target: UploadTarget): Validated<Submission> {
  const imported = importReportOutline(text, {
    agency: round.agency,
    divisions: round.items.map((item) => item.division),
    approvalChain: round.approvalChain,
  });
  if (!imported.ok) return { ok: false, problems: imported.problems };
  const { submissions } = imported;
  const only = submissions.length === 1 ? submissions[0] : undefined;
  const chosen = only ?? submissions.find((s) => s.itemNo === target.itemNo);
  if (!chosen) {
    return {
      ok: false,
      problems: [
        workflowProblem('upload.itemNotInFile', '$', {
          itemNo: thaiNumber(target.itemNo),
          found: thaiNumber(submissions.length),
        }),
      ],
    };
  }
  return {
    ok: true,
    value: { ...chosen, itemNo: target.itemNo, division: target.division },
    problems: [],
  };
}

function targetMismatch(submission: Submission, target: UploadTarget): ValidationProblem[] {
  if (submission.itemNo === target.itemNo && submission.division === target.division) return [];
  return [
    workflowProblem('upload.keyMismatch', '$', {
      received: `${submission.itemNo} ${submission.division}`,
      expected: `${target.itemNo} ${target.division}`,
    }),
  ];
}

/** The submission an upload's text holds, checked against the round and the key. */
export function readUploadText(
  format: UploadFormat,
  text: string,
  round: Round,
  target: UploadTarget,
): Validated<Submission> {
  const read = format === 'json' ? fromJson(text) : fromOutline(text, round, target);
  if (!read.ok) return read;
  const problems = [
    ...checkSubmissionAgainstRound(round, read.value),
    ...targetMismatch(read.value, target),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return read;
}
