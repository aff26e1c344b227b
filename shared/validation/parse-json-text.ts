/**
 * JSON text to a value, within the size and depth limits every document
 * shares. Kept apart from the document schemas so that a request body or an
 * upload can be read without building them.
 */

import { findDuplicateKeys } from './find-duplicate-keys.js';
import { makeProblem } from './make-problem.js';
import { jsonPath, type Validated } from './validation-problem.js';

/** A submission is a few pages of text; 1 MiB leaves a wide margin. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
/**
 * A round may list 5,000 plan items: about 1.7 MB of JSON with Thai titles
 * of typical length. 5 MiB keeps it under Lambda's 6 MB request payload.
 */
export const MAX_ROUND_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Deep enough for the outline (about 12 levels of JSON), far from a stack overflow. */
export const MAX_JSON_DEPTH = 32;

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
  byteLength = new TextEncoder().encode(text).length,
  maxBytes = MAX_DOCUMENT_BYTES,
): Validated<unknown> {
  if (byteLength > maxBytes) {
    return {
      ok: false,
      problems: [
        makeProblem('document.tooLarge', '$', {
          size: byteLength,
          max: maxBytes,
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
    // V8 quotes the text around an unexpected token ('"{"a": }" is not valid
    // JSON'): that quote is the uploader's input, so only the token is kept.
    const detail =
      position === undefined
        ? message.replace(/, ".*" is not valid JSON$/s, '')
        : lineAndColumn(text, Number(position));
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
  const duplicates = findDuplicateKeys(text);
  if (duplicates.length > 0) {
    return {
      ok: false,
      problems: duplicates.map((path) =>
        makeProblem('json.duplicateKey', jsonPath(path), {
          key: JSON.stringify(String(path[path.length - 1])),
        }),
      ),
    };
  }
  return { ok: true, value, problems: [] };
}
