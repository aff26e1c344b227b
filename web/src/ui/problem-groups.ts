/**
 * Puts each problem next to what it concerns: the line of a text upload
 * (with that line's text when the page still has the file), the paragraph
 * of a Word upload (its number, table cell, and the start of its text as
 * the problem quotes it: what a person can search for in Word), or the
 * field of a JSON upload (named by the report section it prints in, with the
 * value found there). Pure, so the grouping is unit-tested.
 */

import type { ValidationProblem } from '../../../shared/validation/validation-problem.js';

export interface ProblemSource {
  format: 'json' | 'txt' | 'docx';
  /** The uploaded text (JSON or outline), when the page has it. */
  text?: string;
}

export interface ProblemGroup {
  /** Sort and identity key. */
  key: string;
  /** 1-based line, for text uploads. */
  line?: number;
  /** 1-based paragraph, for Word uploads. */
  paragraph?: number;
  /** The Word table cell the paragraph is in. */
  cell?: { table: number; row: number; column: number };
  /** The JSON path, for document uploads ("$" for the whole document). */
  path?: string;
  /** The top-level field the path falls in ("budgetUsed"), when there is one. */
  field?: string;
  /** What the file holds there: the line's text, or the value at the path. */
  excerpt?: string;
  problems: ValidationProblem[];
}

const MAX_EXCERPT = 160;

function clip(text: string): string {
  return text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT - 1)}…` : text;
}

/** The segments of a JSONPath as our validators write them: $.a.b[2]["odd key"]. */
export function pathSegments(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const pattern = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.replace(/^\$/, '').matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[3] !== undefined) segments.push(JSON.parse(match[3]) as string);
  }
  return segments;
}

export function valueAtPath(document: unknown, path: string): unknown {
  let value: unknown = document;
  for (const segment of pathSegments(path)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function excerptOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return clip(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return undefined;
}

function parsed(source: ProblemSource | undefined): unknown {
  if (source?.format !== 'json' || !source.text) return undefined;
  try {
    return JSON.parse(source.text);
  } catch {
    return undefined;
  }
}

export function groupProblems(
  problems: readonly ValidationProblem[],
  source?: ProblemSource,
): ProblemGroup[] {
  const lines = source && source.format !== 'json' ? source.text?.split(/\r?\n/) : undefined;
  const document = parsed(source);
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const key =
      problem.paragraph !== undefined
        ? `paragraph:${String(problem.paragraph).padStart(6, '0')}`
        : problem.line !== undefined
          ? `line:${String(problem.line).padStart(6, '0')}`
          : `path:${problem.path}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, problems: [] };
      if (problem.paragraph !== undefined) {
        group.paragraph = problem.paragraph;
        if (problem.cell) group.cell = problem.cell;
        if (problem.snippet) group.excerpt = clip(problem.snippet);
      } else if (problem.line !== undefined) {
        group.line = problem.line;
        const text = lines?.[problem.line - 1]?.trim();
        if (text) group.excerpt = clip(text);
      } else {
        group.path = problem.path;
        const first = pathSegments(problem.path)[0];
        if (typeof first === 'string') group.field = first;
        const excerpt =
          document === undefined ? undefined : excerptOf(valueAtPath(document, problem.path));
        if (excerpt !== undefined) group.excerpt = excerpt;
      }
      groups.set(key, group);
    }
    group.problems.push(problem);
  }
  // Whole-file problems first, then lines in order, then fields in path order.
  return [...groups.values()].sort((a, b) => {
    const located = (g: ProblemGroup) => g.line !== undefined || g.paragraph !== undefined;
    const rank = (g: ProblemGroup) => (g.path === '$' ? 0 : located(g) ? 1 : 2);
    return rank(a) - rank(b) || a.key.localeCompare(b.key);
  });
}
