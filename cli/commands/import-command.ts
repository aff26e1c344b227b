/**
 * `acm-report import <file> --out <dir>`: outline text or a Word file →
 * round.json + items/<no>.json, so a person can see exactly how their file
 * was read. Word is read as intake reads it (shared/adapters/docx-reader).
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readDocx } from '../../shared/adapters/docx-reader.js';
import {
  type ImportSource,
  importReportOutline,
  itemFile,
  ROUND_FILE,
} from '../../shared/outline/import-report-outline.js';
import type { OutlineImportOptions } from '../../shared/outline/parse-report-outline.js';
import { formatProblems } from '../../shared/validation/format-problems.js';
import { readInputFile, WORD_LIKE_NAME } from '../read-input-file.js';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../usage-error.js';

export interface ImportCommandOptions {
  out: string;
  agency?: string;
  agencyName?: string;
  agencyNameEn?: string;
  divisions?: string;
  due?: string;
  json?: boolean;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

export function importOptions(options: ImportCommandOptions): OutlineImportOptions {
  if ((options.agency === undefined) !== (options.agencyName === undefined)) {
    throw new UsageError(
      '--agency and --agency-name go together (e.g. --agency opdc --agency-name "สำนักงาน ก.พ.ร.")',
    );
  }
  return {
    ...(options.agency && options.agencyName
      ? {
          agency: {
            id: options.agency,
            nameTh: options.agencyName,
            ...(options.agencyNameEn ? { nameEn: options.agencyNameEn } : {}),
          },
        }
      : {}),
    ...(options.divisions ? { divisions: options.divisions.split(',').map((d) => d.trim()) } : {}),
    ...(options.due ? { due: options.due } : {}),
  };
}

/** A Word file by name, or by its bytes when named otherwise (zip or OLE2, never text). */
function isWordFile(file: string, data: Uint8Array): boolean {
  if (WORD_LIKE_NAME.test(file)) return true;
  const zip = data[0] === 0x50 && data[1] === 0x4b;
  const ole2 = data[0] === 0xd0 && data[1] === 0xcf;
  return zip || ole2;
}

export async function runImport(file: string, options: ImportCommandOptions): Promise<number> {
  const { text, data } = await readInputFile(file);
  let source: ImportSource = text;
  if (isWordFile(file, data)) {
    const word = await readDocx(data);
    if (!word.ok) {
      if (options.json) {
        console.log(JSON.stringify({ ok: false, notices: [], problems: word.problems }, null, 2));
      } else {
        console.error(formatProblems(word.problems));
        console.error(`\n${file}: ${word.problems.length} problem(s); nothing was written.`);
      }
      return EXIT_INVALID;
    }
    source = word.value;
  }
  const result = importReportOutline(source, importOptions(options));
  if (options.json) {
    console.log(
      JSON.stringify(
        { ok: result.ok, notices: result.notices, problems: result.ok ? [] : result.problems },
        null,
        2,
      ),
    );
  } else if (result.notices.length > 0) {
    console.error(`${result.notices.length} notice(s), repaired on import:`);
    console.error(formatProblems(result.notices, 'ℹ'));
  }
  if (!result.ok) {
    if (!options.json) {
      console.error(formatProblems(result.problems));
      console.error(`\n${file}: ${result.problems.length} problem(s); nothing was written.`);
    }
    return EXIT_INVALID;
  }
  await writeJson(join(options.out, ROUND_FILE), result.round);
  for (const submission of result.submissions) {
    await writeJson(join(options.out, itemFile(submission.itemNo)), submission);
  }
  if (!options.json) {
    console.error(
      `Imported ${result.submissions.length} plan item(s) of FY ${result.round.fiscalYear} ${result.round.period} into ${options.out}/ (${ROUND_FILE}, items/1..${result.submissions.length}.json)`,
    );
    if (result.round.agency.id === 'agency-placeholder') {
      console.error('The text names no agency: give --agency <code> --agency-name <ชื่อหน่วยงาน>.');
    }
  }
  return EXIT_OK;
}
