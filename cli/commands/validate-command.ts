/**
 * `acm-report validate <file…> [--json]`: JSON documents (round, submission
 * or report, by their "type"), outline text files, Word files (read as
 * intake reads them; .doc, .odt, .rtf and .pdf are told apart and answered
 * with what to do) or round folders, any number in one run.
 * Exit 0 all valid, 1 any invalid, 2 usage.
 */

import { stat } from 'node:fs/promises';
import { readDocx } from '../../shared/adapters/docx-reader.js';
import {
  type ImportSource,
  importReportOutline,
} from '../../shared/outline/import-report-outline.js';
import { assembleReport } from '../../shared/report/assemble-report.js';
import { capProblems } from '../../shared/validation/cap-problems.js';
import { displayValue, escapeInvisibleInJson } from '../../shared/validation/display-value.js';
import { formatProblems } from '../../shared/validation/format-problems.js';
import { makeProblem } from '../../shared/validation/make-problem.js';
import { parseJsonText, validateAnyDocument } from '../../shared/validation/validate-document.js';
import type { ValidationProblem } from '../../shared/validation/validation-problem.js';
import { checkTextSize, decodeUtf8 } from '../../shared/workflow/read-upload.js';
import { UPLOAD_FORMATS, type UploadFormat } from '../../shared/workflow/upload-key.js';
import { endQuietlyOnClosedPipe } from '../end-quietly-on-closed-pipe.js';
import { readInputFile, WORD_LIKE_NAME } from '../read-input-file.js';
import { readRoundFolder } from '../read-round-folder.js';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../usage-error.js';

interface Outcome {
  kind: string;
  problems: ValidationProblem[];
  notices: ValidationProblem[];
}

/** A file name may hold terminal escapes or bidi controls; it is shown, not replayed. */
const MAX_SHOWN_PATH = 4096;
const shown = (path: string) => displayValue(path, MAX_SHOWN_PATH);

function formatOf(path: string): UploadFormat {
  if (/\.txt$/i.test(path)) return 'txt';
  if (WORD_LIKE_NAME.test(path)) return 'docx';
  return 'json';
}

function outlineOutcome(text: ImportSource): Outcome {
  const imported = importReportOutline(text);
  return {
    kind: 'outline text',
    problems: imported.ok ? [] : capProblems(imported.problems),
    notices: capProblems(imported.notices),
  };
}

async function validateFile(path: string): Promise<Outcome> {
  const format = formatOf(path);
  const { data } = await readInputFile(path);
  const rejected = (kind: string, problems: ValidationProblem[]) => ({
    kind,
    problems,
    notices: [],
  });
  // The limits intake applies, so a file that passes here passes there.
  const { maxBytes } = UPLOAD_FORMATS[format];
  if (data.byteLength > maxBytes) {
    return rejected(format, [
      makeProblem('document.tooLarge', '$', { size: data.byteLength, max: maxBytes }),
    ]);
  }
  if (format === 'docx') {
    const text = await readDocx(data);
    if (!text.ok) return rejected('Word', text.problems);
    const tooLarge = checkTextSize(text.value);
    if (tooLarge.length > 0) return rejected('Word', tooLarge);
    return outlineOutcome(text.value);
  }
  const text = decodeUtf8(data);
  if (!text.ok) return rejected(format === 'txt' ? 'outline text' : 'JSON', text.problems);
  if (format === 'txt') return outlineOutcome(text.value);
  const parsed = parseJsonText(text.value, data.byteLength);
  if (!parsed.ok) return rejected('JSON', parsed.problems);
  const result = validateAnyDocument(parsed.value);
  return {
    kind: result.ok ? result.document.type : 'JSON document',
    problems: result.ok ? [] : result.problems,
    notices: [],
  };
}

async function validatePath(path: string): Promise<Outcome> {
  const info = await stat(path).catch(() => {
    throw new UsageError(`ไม่พบไฟล์ / file not found: ${shown(path)}`);
  });
  if (!info.isDirectory()) return validateFile(path);
  const folder = await readRoundFolder(path);
  const report = assembleReport(folder.round, folder.submissions);
  return {
    kind: 'round folder',
    problems: [...folder.problems, ...report.problems],
    notices: [],
  };
}

function printOutcome(path: string, outcome: Outcome): void {
  if (outcome.notices.length) console.log(formatProblems(outcome.notices, 'ℹ'));
  if (outcome.problems.length === 0) {
    console.log(`✓ ${shown(path)}: ถูกต้อง / valid ${outcome.kind}`);
    return;
  }
  console.log(formatProblems(outcome.problems));
  const count = outcome.problems.length;
  console.log(`\n✗ ${shown(path)}: ${count} problem(s) / พบ ${count} ข้อผิดพลาด`);
}

export async function runValidate(
  paths: string | readonly string[],
  options: { json?: boolean },
): Promise<number> {
  endQuietlyOnClosedPipe();
  const list = typeof paths === 'string' ? [paths] : paths;
  // Every name is checked before any is read: a typo is a usage error (2),
  // not a half-finished run.
  await Promise.all(
    list.map((path) =>
      stat(path).catch(() => {
        throw new UsageError(`ไม่พบไฟล์ / file not found: ${shown(path)}`);
      }),
    ),
  );
  const results: Array<{ path: string; outcome: Outcome }> = [];
  for (const path of list) results.push({ path, outcome: await validatePath(path) });
  const valid = results.every((r) => r.outcome.problems.length === 0);
  if (options.json) {
    const entries = results.map(({ path, outcome }) => ({
      ...(list.length > 1 ? { file: path } : {}),
      valid: outcome.problems.length === 0,
      kind: outcome.kind,
      problems: outcome.problems,
      notices: outcome.notices,
    }));
    // One file keeps the shape scripts already read; several are listed.
    const output = list.length === 1 ? entries[0] : { valid, files: entries };
    // File names may hold terminal escapes; as \u escapes they are the same JSON.
    console.log(escapeInvisibleInJson(JSON.stringify(output, null, 2)));
  } else {
    for (const { path, outcome } of results) printOutcome(path, outcome);
    if (list.length > 1) {
      const invalid = results.filter((r) => r.outcome.problems.length > 0).length;
      console.log(
        `\n${list.length} file(s): ${list.length - invalid} valid, ${invalid} invalid / ถูกต้อง ${list.length - invalid} ไม่ถูกต้อง ${invalid}`,
      );
    }
  }
  return valid ? EXIT_OK : EXIT_INVALID;
}
