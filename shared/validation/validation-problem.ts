import { visibleJsonString } from './display-value.js';

/** One reason a document was refused, in the shape every interface returns. */
export interface ValidationProblem {
  /** JSON path of the offending value ("$.progress.points[2].text"). */
  path: string;
  /** Stable machine-readable code ("budget.tooManyDecimals"). */
  code: string;
  message: { th: string; en: string };
  fix: { th: string; en: string };
  /** 1-based line in the source file, where the source is text. */
  line?: number;
  /** 1-based paragraph of a Word file (every paragraph of its main text, in order). */
  paragraph?: number;
  /** The Word table cell the paragraph is in: 1-based table, row and column. */
  cell?: { table: number; row: number; column: number };
  /** The start of the paragraph's text, so a person can find it with Word's search. */
  snippet?: string;
  /** The file the problem is in, where several files are checked together. */
  file?: string;
}

export type Validated<T> =
  | { ok: true; value: T; problems: [] }
  | { ok: false; problems: ValidationProblem[] };

/** Key characters kept in a path: an unknown key can be as long as the document. */
export const MAX_PATH_KEY_CHARS = 100;

/**
 * "$", "$.items[3].title", '$["odd key"]' — the JSONPath of a value. Odd keys
 * are quoted with their invisible characters escaped, and a key longer than
 * MAX_PATH_KEY_CHARS is cut short (with "…"), so a path names the field
 * without replaying hostile input.
 */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (
      typeof segment === 'string' &&
      segment.length <= MAX_PATH_KEY_CHARS &&
      /^[A-Za-z_$][\w$]*$/.test(segment)
    )
      out += `.${segment}`;
    else {
      const key = String(segment);
      const shown = key.length > MAX_PATH_KEY_CHARS ? `${key.slice(0, MAX_PATH_KEY_CHARS)}…` : key;
      out += `[${visibleJsonString(shown)}]`;
    }
  }
  return out;
}
