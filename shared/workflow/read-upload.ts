/**
 * Turns an uploaded file into a validated submission for the plan item its
 * key names. JSON is a submission document; `.txt` and Word (after text
 * extraction) are the standard outline, read by the same importer the CLI
 * uses. Everything wrong is reported at once, in Thai and English.
 */

import { type ImportSource, importReportOutline } from '../outline/import-report-outline.js';
import { checkSubmissionAgainstItem } from '../report/build-report.js';
import type { PlanItemValue, Round } from '../schemas/round-schema.js';
import type { Submission } from '../schemas/submission-schema.js';
import { thaiNumber } from '../thai/thai-digits.js';
import { capProblems } from '../validation/cap-problems.js';
import { MAX_DOCUMENT_BYTES, parseJsonText } from '../validation/parse-json-text.js';
import { validateSubmission } from '../validation/validate-submission.js';
import type { Validated, ValidationProblem } from '../validation/validation-problem.js';
import type { RoundSettings } from './round-header.js';
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

/**
 * UTF-8 text of an upload; a file in another encoding is refused rather than
 * garbled. A NUL byte is refused too: UTF-16 text (what Windows' "Unicode"
 * saves) of Latin letters is valid UTF-8 with a NUL after every letter.
 */
export function decodeUtf8(bytes: Uint8Array): Validated<string> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
    const detail = utf16 ? 'UTF-16' : 'not UTF-8';
    return { ok: false, problems: [workflowProblem('upload.notText', '$', { detail })] };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const detail = `NUL byte at ${Buffer.byteLength(text.slice(0, nul))}`;
    return { ok: false, problems: [workflowProblem('upload.notText', '$', { detail })] };
  }
  return { ok: true, value: text, problems: [] };
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
function fromOutline(
  text: ImportSource,
  round: RoundSettings,
  target: UploadTarget,
): Validated<Submission> {
  // No divisions: the chosen item takes the key's division below, whatever the outline's.
  const imported = importReportOutline(text, {
    agency: round.agency,
    approvalChain: round.approvalChain,
  });
  if (!imported.ok) return { ok: false, problems: capProblems(imported.problems) };
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

/**
 * A Word file's text is only known after extraction, and its 10 MB of zip
 * may hold far more than the 1 MiB a document may be.
 */
export function checkTextSize(text: ImportSource): ValidationProblem[] {
  const size =
    typeof text === 'string'
      ? Buffer.byteLength(text)
      : text.reduce((sum, paragraph) => sum + Buffer.byteLength(paragraph.text) + 1, 0);
  if (size <= MAX_DOCUMENT_BYTES) return [];
  return [workflowProblem('upload.textTooLarge', '$', { size, max: MAX_DOCUMENT_BYTES })];
}

/** The submission an upload's text holds, checked against the round and the key. */
export function readUploadText(
  format: UploadFormat,
  text: ImportSource,
  round: Round,
  target: UploadTarget,
): Validated<Submission> {
  return readItemUploadText(format, text, round, round.items[target.itemNo - 1], target);
}

/**
 * The same, knowing only the round's settings and the key's plan item
 * (`undefined` if the plan has no such number): what intake reads.
 */
export function readItemUploadText(
  format: UploadFormat,
  text: ImportSource,
  round: RoundSettings,
  item: PlanItemValue | undefined,
  target: UploadTarget,
): Validated<Submission> {
  const tooLarge = checkTextSize(text);
  if (tooLarge.length > 0) return { ok: false, problems: tooLarge };
  const read =
    typeof text === 'string' && format === 'json'
      ? fromJson(text)
      : fromOutline(text, round, target);
  if (!read.ok) return read;
  const problems = [
    ...checkSubmissionAgainstItem(round, item, read.value),
    ...targetMismatch(read.value, target),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return read;
}
