/**
 * A parsed value against any one schema: the typed value, or every problem
 * found. Kept apart from the document schemas so that a small schema (a
 * request body) can be checked without building the large ones.
 */

import * as z from '../schemas/zod-mini.js';
import type { Validated } from './validation-problem.js';
import { problemsFromIssues } from './zod-issues-to-problems.js';

/** Validates a parsed value against one schema. */
export function validateWith<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
): Validated<z.output<S>> {
  const result = z.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.data, problems: [] };
  return { ok: false, problems: problemsFromIssues(result.error.issues, input) };
}
