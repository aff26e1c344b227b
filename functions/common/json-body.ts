/**
 * A request's JSON body, within the document size and depth limits. Kept
 * apart from http.ts because it brings the validation module (and zod) into
 * the bundle; GET handlers stay without it and start faster.
 */

import { parseJsonText } from '../../shared/validation/validate-document.js';
import type { Validated } from '../../shared/validation/validation-problem.js';
import type { HttpEvent } from './http.js';

export function jsonBody(event: HttpEvent): Validated<unknown> {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  return parseJsonText(text);
}
