/**
 * Validation entry points: raw bytes or a parsed value in, either the typed
 * document or every problem found. Never throws on bad input.
 */

import type { z } from 'zod';
import { type Report, ReportSchema } from '../schemas/report-schema.js';
import { type Round, RoundSchema } from '../schemas/round-schema.js';
import { type Submission, SubmissionSchema } from '../schemas/submission-schema.js';
import { makeProblem } from './make-problem.js';
import type { Validated, ValidationProblem } from './validation-problem.js';
import { problemsFromIssues } from './zod-issues-to-problems.js';

/** A submission is a few pages of text; 1 MiB leaves a wide margin. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
/** Deep enough for the outline (about 12 levels of JSON), far from a stack overflow. */
export const MAX_JSON_DEPTH = 32;

export const DOCUMENT_SCHEMAS = {
  round: RoundSchema,
  submission: SubmissionSchema,
  report: ReportSchema,
} as const;
export type DocumentType = keyof typeof DOCUMENT_SCHEMAS;

export type AnyDocument =
  | { type: 'round'; value: Round }
  | { type: 'submission'; value: Submission }
  | { type: 'report'; value: Report };

/** Depth of nested arrays/objects, measured without recursion. */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Parses JSON text within the size and depth limits. */
export function parseJsonText(
  text: string,
  byteLength = Buffer.byteLength(text),
): Validated<unknown> {
  if (byteLength > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      problems: [
        makeProblem('document.tooLarge', '$', {
          size: byteLength,
          max: MAX_DOCUMENT_BYTES,
        }),
      ],
    };
  }
  let value: unknown;
  try {
    // A UTF-8 BOM is what Windows editors put first; JSON.parse refuses it.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const detail = position === undefined ? message : lineAndColumn(text, Number(position));
    return {
      ok: false,
      problems: [makeProblem('json.syntax', '$', { detail })],
    };
  }
  if (nestingDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      problems: [makeProblem('document.tooDeep', '$', { max: MAX_JSON_DEPTH })],
    };
  }
  return { ok: true, value, problems: [] };
}

/** Validates a parsed value against one schema. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Validated<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data, problems: [] };
  return { ok: false, problems: problemsFromIssues(result.error.issues, input) };
}

export const validateRound = (input: unknown) => validateWith(RoundSchema, input);
export const validateSubmission = (input: unknown) => validateWith(SubmissionSchema, input);
export const validateReport = (input: unknown) => validateWith(ReportSchema, input);

/** Validates any of our documents, choosing the schema by its "type". */
export function validateAnyDocument(
  input: unknown,
): { ok: true; document: AnyDocument } | { ok: false; problems: ValidationProblem[] } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: [makeProblem('document.notObject', '$')] };
  }
  const type = (input as { type?: unknown }).type;
  const allowed = Object.keys(DOCUMENT_SCHEMAS)
    .map((t) => JSON.stringify(t))
    .join(', ');
  if (type === undefined) {
    return {
      ok: false,
      problems: [
        makeProblem('value.required', '$.type', {
          field: 'type',
          expectedTh: allowed,
          expectedEn: `one of ${allowed}`,
        }),
      ],
    };
  }
  if (typeof type !== 'string' || !Object.hasOwn(DOCUMENT_SCHEMAS, type)) {
    return {
      ok: false,
      problems: [
        makeProblem('document.unknownType', '$.type', {
          received: JSON.stringify(type),
          allowed,
        }),
      ],
    };
  }
  const result = validateWith(DOCUMENT_SCHEMAS[type as DocumentType], input);
  if (!result.ok) return result;
  return { ok: true, document: { type, value: result.value } as AnyDocument };
}
