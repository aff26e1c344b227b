import { displayValue } from './display-value.js';
import { fillTemplate, MESSAGES, type MessageTemplate } from './validation-messages.js';
import type { ValidationProblem } from './validation-problem.js';

/**
 * A problem from one catalogue entry, placeholders filled. `values.field`
 * names the offending field in the message; it defaults to the path itself.
 * Every catalogue (validation, workflow, people) makes its problems here.
 */
export function problemFromTemplate(
  template: MessageTemplate,
  code: string,
  path: string,
  values: Record<string, unknown> = {},
): ValidationProblem {
  const filled = { field: path, ...values };
  return {
    path,
    code,
    message: { th: fillTemplate(template.th, filled), en: fillTemplate(template.en, filled) },
    fix: { th: fillTemplate(template.fixTh, filled), en: fillTemplate(template.fixEn, filled) },
  };
}

/**
 * A problem from the validation catalogue. An unknown code falls back to the
 * generic "invalid" entry rather than failing.
 */
export function makeProblem(
  code: string,
  path: string,
  values: Record<string, unknown> = {},
): ValidationProblem {
  const known = MESSAGES[code];
  const template = known ?? MESSAGES.invalid;
  if (!template) throw new Error('the message catalogue lacks "invalid"');
  return problemFromTemplate(template, known ? code : 'invalid', path, values);
}

/** Where in an outline source a problem is: a line of text, or a Word paragraph. */
export interface SourcePlace {
  /** The line of a text source; for Word, the paragraph's position, for ordering. */
  line: number;
  word?: {
    paragraph: number;
    snippet: string;
    cell?: { table: number; row: number; column: number };
  };
}

/** Characters of a paragraph quoted in a message: enough to search for in Word. */
export const SNIPPET_CHARS = 40;

/** The start of a paragraph, invisible characters shown as escapes (a snippet may quote hostile text). */
export function snippetOf(text: string): string {
  return displayValue(text.trim().replace(/\s+/g, ' '), SNIPPET_CHARS);
}

function describePlace(place: SourcePlace): { whereTh: string; whereEn: string } {
  const word = place.word;
  if (!word) return { whereTh: `บรรทัด ${place.line}`, whereEn: `Line ${place.line}` };
  const quoted = word.snippet ? ` “${word.snippet}”` : '';
  const cell = word.cell;
  const cellTh = cell ? `ตารางที่ ${cell.table} แถว ${cell.row} ช่อง ${cell.column} ` : '';
  const cellEn = cell ? `Table ${cell.table}, row ${cell.row}, column ${cell.column}, ` : '';
  return {
    whereTh: `${cellTh}ย่อหน้าที่ ${word.paragraph}${quoted}`,
    whereEn: `${cellEn}paragraph ${word.paragraph}${quoted}`,
  };
}

/** A problem tied to where it is in an outline source (text line or Word paragraph). */
export function placeProblem(
  code: string,
  place: SourcePlace,
  values: Record<string, unknown> = {},
): ValidationProblem {
  const problem = makeProblem(code, '$', { line: place.line, ...describePlace(place), ...values });
  const word = place.word;
  if (!word) return { ...problem, line: place.line };
  return {
    ...problem,
    paragraph: word.paragraph,
    ...(word.cell ? { cell: word.cell } : {}),
    ...(word.snippet ? { snippet: word.snippet } : {}),
  };
}

/** A problem tied to a line of a text source (outline import). */
export function lineProblem(
  code: string,
  line: number,
  values: Record<string, unknown> = {},
): ValidationProblem {
  return placeProblem(code, { line }, values);
}
