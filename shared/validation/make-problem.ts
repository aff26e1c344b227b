import { fillTemplate, MESSAGES } from './validation-messages.js';
import type { ValidationProblem } from './validation-problem.js';

/**
 * A problem from the catalogue, placeholders filled. `values.field` names the
 * offending field in the message; it defaults to the path itself. An unknown
 * code falls back to the generic "invalid" entry rather than failing.
 */
export function makeProblem(
  code: string,
  path: string,
  values: Record<string, unknown> = {},
): ValidationProblem {
  const known = MESSAGES[code];
  const template = known ?? MESSAGES.invalid;
  if (!template) throw new Error('the message catalogue lacks "invalid"');
  const filled = { field: path, ...values };
  return {
    path,
    code: known ? code : 'invalid',
    message: {
      th: fillTemplate(template.th, filled),
      en: fillTemplate(template.en, filled),
    },
    fix: {
      th: fillTemplate(template.fixTh, filled),
      en: fillTemplate(template.fixEn, filled),
    },
  };
}

/** A problem tied to a line of a text source (outline import). */
export function lineProblem(
  code: string,
  line: number,
  values: Record<string, unknown> = {},
): ValidationProblem {
  return { ...makeProblem(code, '$', { line, ...values }), line };
}
