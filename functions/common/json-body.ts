/**
 * A request's JSON body, within the document size and depth limits. Kept
 * apart from http.ts because it brings the problem catalogue into the
 * bundle; GET handlers stay without it and start faster. It reads JSON only:
 * the document schemas stay out of any handler that does not validate one.
 */

import { MAX_DOCUMENT_BYTES, parseJsonText } from '../../shared/validation/parse-json-text.js';
import type { Validated } from '../../shared/validation/validation-problem.js';
import type { HttpEvent } from './http.js';

export function jsonBody(event: HttpEvent, maxBytes = MAX_DOCUMENT_BYTES): Validated<unknown> {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  return parseJsonText(text, Buffer.byteLength(text), maxBytes);
}
