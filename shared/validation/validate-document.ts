/**
 * Validation entry points for our documents (round, submission, report):
 * raw bytes or a parsed value in, either the typed document or every problem
 * found. Never throws on bad input. Importing this builds all three document
 * schemas; what needs only JSON reading or one small schema imports
 * parse-json-text.ts or validate-with.ts instead.
 */

import { type Report, ReportSchema } from '../schemas/report-schema.js';
import { type Round, RoundSchema } from '../schemas/round-schema.js';
import { type Submission, SubmissionSchema } from '../schemas/submission-schema.js';
import { makeProblem } from './make-problem.js';
import { validateWith } from './validate-with.js';
import type { ValidationProblem } from './validation-problem.js';

// The entry points every document reader uses, available from here as before.
export { MAX_DOCUMENT_BYTES, MAX_JSON_DEPTH, parseJsonText } from './parse-json-text.js';
export { validateRound } from './validate-round.js';
export { validateSubmission } from './validate-submission.js';
export { validateWith } from './validate-with.js';

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
