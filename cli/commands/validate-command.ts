/**
 * `acm-report validate <file> [--json]`: a JSON document (round, submission
 * or report, by its "type"), an outline text file, or a round folder.
 * Exit 0 valid, 1 invalid, 2 usage.
 */

import { stat } from 'node:fs/promises';
import { importReportOutline } from '../../shared/outline/import-report-outline.js';
import { assembleReport } from '../../shared/report/assemble-report.js';
import { parseJsonText, validateAnyDocument } from '../../shared/validation/validate-document.js';
import type { ValidationProblem } from '../../shared/validation/validation-problem.js';
import { formatProblems } from '../print-problems.js';
import { readInputFile } from '../read-input-file.js';
import { readRoundFolder } from '../read-round-folder.js';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../usage-error.js';

interface Outcome {
  kind: string;
  problems: ValidationProblem[];
  notices: ValidationProblem[];
}

async function validatePath(path: string): Promise<Outcome> {
  const info = await stat(path).catch(() => {
    throw new UsageError(`ไม่พบไฟล์ / file not found: ${path}`);
  });
  if (info.isDirectory()) {
    const folder = await readRoundFolder(path);
    const report = assembleReport(folder.round, folder.submissions);
    return {
      kind: 'round folder',
      problems: [...folder.problems, ...report.problems],
      notices: [],
    };
  }
  const { text, bytes } = await readInputFile(path);
  if (/\.txt$/i.test(path)) {
    const imported = importReportOutline(text);
    return {
      kind: 'outline text',
      problems: imported.ok ? [] : imported.problems,
      notices: imported.notices,
    };
  }
  const parsed = parseJsonText(text, bytes);
  if (!parsed.ok) return { kind: 'JSON', problems: parsed.problems, notices: [] };
  const result = validateAnyDocument(parsed.value);
  return {
    kind: result.ok ? result.document.type : 'JSON document',
    problems: result.ok ? [] : result.problems,
    notices: [],
  };
}

export async function runValidate(path: string, options: { json?: boolean }): Promise<number> {
  const outcome = await validatePath(path);
  const valid = outcome.problems.length === 0;
  if (options.json) {
    console.log(
      JSON.stringify(
        { valid, kind: outcome.kind, problems: outcome.problems, notices: outcome.notices },
        null,
        2,
      ),
    );
  } else {
    if (outcome.notices.length) console.log(formatProblems(outcome.notices, 'ℹ'));
    if (valid) {
      console.log(`✓ ${path}: ถูกต้อง / valid ${outcome.kind}`);
    } else {
      console.log(formatProblems(outcome.problems));
      console.log(
        `\n✗ ${path}: ${outcome.problems.length} problem(s) / พบ ${outcome.problems.length} ข้อผิดพลาด`,
      );
    }
  }
  return valid ? EXIT_OK : EXIT_INVALID;
}
