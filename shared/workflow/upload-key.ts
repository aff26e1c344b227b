/**
 * Where an upload lives and what it may be. The key names the agency, round,
 * plan item and division, so the presigned POST policy (an exact key) scopes
 * an upload to one item of one division, and intake can tell from the key
 * alone what the upload claims to be.
 */

import { MAX_DOCUMENT_BYTES } from '../validation/parse-json-text.js';
import { INCOMING_PREFIX, RESULTS_PREFIX, SUBMISSIONS_PREFIX } from './object-prefixes.js';

export { INCOMING_PREFIX };

export const UPLOAD_FORMATS = {
  json: { contentType: 'application/json', maxBytes: MAX_DOCUMENT_BYTES },
  txt: { contentType: 'text/plain; charset=utf-8', maxBytes: MAX_DOCUMENT_BYTES },
  // A Word file carries styles, fonts and sometimes pictures around its text;
  // the extracted text must still fit the 1 MiB document limit.
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    maxBytes: 10 * 1024 * 1024,
  },
} as const;
export type UploadFormat = keyof typeof UPLOAD_FORMATS;

export function isUploadFormat(value: unknown): value is UploadFormat {
  return typeof value === 'string' && Object.hasOwn(UPLOAD_FORMATS, value);
}

export interface UploadTarget {
  agencyId: string;
  roundId: string;
  itemNo: number;
  division: string;
  uploadId: string;
}

const SEGMENT = '[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?';
const UPLOAD_KEY = new RegExp(
  `^incoming/(${SEGMENT})/(\\d{4}-(?:h1|fy))/([1-9]\\d{0,3})/(${SEGMENT})/([0-9a-f-]{36})$`,
);

function path(target: UploadTarget): string {
  const { agencyId, roundId, itemNo, division } = target;
  return `${agencyId}/${roundId}/${itemNo}/${division}`;
}

export function uploadKey(target: UploadTarget): string {
  return `${INCOMING_PREFIX}${path(target)}/${target.uploadId}`;
}

/** The converted submission JSON, kept beside the original for audit and roll-up. */
export function submissionObjectKey(target: UploadTarget): string {
  return `${SUBMISSIONS_PREFIX}${path(target)}/${target.uploadId}.json`;
}

/** The upload's result (accepted or the problems), readable by the division. */
export function resultObjectKey(target: UploadTarget): string {
  return `${RESULTS_PREFIX}${path(target)}/${target.uploadId}.json`;
}

/**
 * The target an object key names, or undefined for anything else. S3 event
 * keys arrive URL-encoded with "+" for spaces; ours have neither, but a key
 * that does is decoded first so that it is refused for what it is.
 */
export function parseUploadKey(rawKey: string): UploadTarget | undefined {
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
  const match = UPLOAD_KEY.exec(key);
  if (!match) return undefined;
  const [, agencyId, roundId, itemNo, division, uploadId] = match;
  if (!agencyId || !roundId || !itemNo || !division || !uploadId) return undefined;
  return { agencyId, roundId, itemNo: Number(itemNo), division, uploadId };
}
