/**
 * A division asks to upload its report on one plan item: check the round,
 * the item and the caller, record the request (so intake knows who uploads
 * and refuses anything nobody asked for), and presign a POST for exactly
 * that key, size and type.
 */

import * as z from '../schemas/zod-mini.js';
import { validateWith } from '../validation/validate-with.js';
import type { Validated, ValidationProblem } from '../validation/validation-problem.js';
import { mayUpload } from './authorisation.js';
import type { Caller } from './caller.js';
import { findRoundItem } from './find-round-item.js';
import type { RoundStore } from './ports.js';
import { UPLOAD_FORMATS, type UploadFormat, uploadKey } from './upload-key.js';
import type { UploadRecord } from './upload-record.js';

/** Long enough to pick a file on a slow connection, short enough that a leaked form soon dies. */
export const UPLOAD_URL_SECONDS = 15 * 60;

const UploadRequestSchema = z.strictObject({
  format: z.enum(Object.keys(UPLOAD_FORMATS) as [UploadFormat, ...UploadFormat[]]),
});

export function readUploadRequest(input: unknown): Validated<{ format: UploadFormat }> {
  return validateWith(UploadRequestSchema, input);
}

export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
}

export interface RequestUploadPorts {
  rounds: Pick<RoundStore, 'getRoundItem'>;
  putUpload(record: UploadRecord): Promise<void>;
  presign(
    key: string,
    options: { contentType: string; maxBytes: number; expiresSeconds: number; uploadedBy: string },
  ): Promise<PresignedUpload>;
  newUploadId: () => string;
  now: () => Date;
}

export type RequestUploadOutcome =
  | { kind: 'presigned'; record: UploadRecord; post: PresignedUpload; maxBytes: number }
  | { kind: 'not-found' | 'forbidden'; problems: ValidationProblem[] };

export async function requestUpload(
  ports: RequestUploadPorts,
  caller: Caller,
  where: { agencyId: string; roundId: string; itemNo: number },
  format: UploadFormat,
): Promise<RequestUploadOutcome> {
  const { agencyId, roundId, itemNo } = where;
  // The header and this one item: an upload costs the same in a round of any size.
  const found = await findRoundItem(ports.rounds, where);
  if (found.kind === 'not-found') return found;
  const { item } = found;
  const denied = mayUpload(caller, agencyId, item);
  if (denied) return { kind: 'forbidden', problems: [denied] };

  const now = ports.now();
  const uploadId = ports.newUploadId();
  const target = { agencyId, roundId, itemNo, division: item.division, uploadId };
  const key = uploadKey(target);
  const { contentType, maxBytes } = UPLOAD_FORMATS[format];
  const upload: UploadRecord = {
    ...target,
    format,
    key,
    uploadedBy: caller.sub,
    uploadedByName: caller.name,
    requestedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
    status: 'requested',
  };
  await ports.putUpload(upload);
  const post = await ports.presign(key, {
    contentType,
    maxBytes,
    expiresSeconds: UPLOAD_URL_SECONDS,
    uploadedBy: caller.sub,
  });
  return { kind: 'presigned', record: upload, post, maxBytes };
}
