/**
 * Outline text in, validated round and submissions out: the importer's whole
 * job, with every problem (structure or content) in one list.
 */

import type { Round } from '../schemas/round-schema.js';
import type { Submission } from '../schemas/submission-schema.js';
import { validateRound } from '../validation/validate-round.js';
import { validateSubmission } from '../validation/validate-submission.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import type { WordParagraph } from '../word/word-paragraph.js';
import {
  type OutlineImportOptions,
  type OutlineSource,
  parseReportOutline,
} from './parse-report-outline.js';
import { wordOutlineParagraphs } from './word-outline-paragraphs.js';

export type ImportedRound =
  | { ok: true; round: Round; submissions: Submission[]; notices: ValidationProblem[] }
  | { ok: false; problems: ValidationProblem[]; notices: ValidationProblem[] };

/** The file names the importer writes, relative to its output folder. */
export const ROUND_FILE = 'round.json';
export const itemFile = (no: number) => `items/${no}.json`;

/** Outline text, or a Word file's paragraphs (shared/word) read as the same outline. */
export type ImportSource = string | readonly WordParagraph[];

export function importReportOutline(
  source: ImportSource,
  options: OutlineImportOptions = {},
): ImportedRound {
  const outline: OutlineSource =
    typeof source === 'string' ? source : wordOutlineParagraphs(source);
  const parsed = parseReportOutline(outline, options);
  if (!parsed.ok) return parsed;
  const problems: ValidationProblem[] = [];
  const round = validateRound(parsed.round);
  if (!round.ok) problems.push(...round.problems.map((p) => ({ ...p, file: ROUND_FILE })));
  const submissions: Submission[] = [];
  parsed.submissions.forEach((input, index) => {
    const result = validateSubmission(input);
    if (result.ok) submissions.push(result.value);
    else problems.push(...result.problems.map((p) => ({ ...p, file: itemFile(index + 1) })));
  });
  if (!round.ok || problems.length > 0) {
    return { ok: false, problems, notices: parsed.notices };
  }
  return { ok: true, round: round.value, submissions, notices: parsed.notices };
}
