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
  /** The file the problem is in, where several files are checked together. */
  file?: string;
}

export type Validated<T> =
  | { ok: true; value: T; problems: [] }
  | { ok: false; problems: ValidationProblem[] };

/** "$", "$.items[3].title", "$['odd key']" — the JSONPath of a value. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment))
      out += `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
