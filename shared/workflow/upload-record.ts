/**
 * An upload from request to result. The record is written when the POST is
 * presigned, so intake knows who uploaded (the approver may not be the
 * uploader) and refuses objects nobody asked to upload.
 */

import type { ValidationProblem } from '../validation/validation-problem.js';
import type { UploadFormat, UploadTarget } from './upload-key.js';

export type UploadStatus = 'requested' | 'accepted' | 'rejected';

export interface UploadRecord extends UploadTarget {
  format: UploadFormat;
  key: string;
  uploadedBy: string;
  uploadedByName: string;
  requestedAt: string;
  expiresAt: string;
  status: UploadStatus;
  /** The version the upload became, once accepted. */
  version?: number;
  /** Why it was refused; the first few, the rest are in the result object. */
  problems?: ValidationProblem[];
  problemCount?: number;
  resultKey?: string;
  settledAt?: string;
}

/** Problems kept on the record; a DynamoDB item holds at most 400 KB. */
export const MAX_RECORDED_PROBLEMS = 50;

/** The public view of an upload: what the division sees when it asks how it went. */
export function uploadView(record: UploadRecord) {
  return {
    uploadId: record.uploadId,
    agencyId: record.agencyId,
    roundId: record.roundId,
    itemNo: record.itemNo,
    division: record.division,
    format: record.format,
    status: record.status,
    requestedAt: record.requestedAt,
    ...(record.version ? { version: record.version } : {}),
    ...(record.problems ? { problems: record.problems, problemCount: record.problemCount } : {}),
    ...(record.settledAt ? { settledAt: record.settledAt } : {}),
  };
}
