/** Presigned upload POSTs for the incoming bucket. */

import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPost } from '@aws-sdk/s3-presigned-post';

export interface PresignOptions {
  contentType: string;
  maxBytes: number;
  expiresSeconds: number;
  uploadedBy: string;
}

/**
 * A POST policy for exactly one key: only POST policies can enforce
 * content-length-range, and the fixed Content-Type and uploader metadata
 * are conditions too, so the form cannot be reused for anything else.
 */
export async function presignUpload(
  client: S3Client,
  bucket: string,
  key: string,
  options: PresignOptions,
): Promise<PresignedPost> {
  return createPresignedPost(client, {
    Bucket: bucket,
    Key: key,
    Conditions: [
      ['content-length-range', 1, options.maxBytes],
      ['eq', '$Content-Type', options.contentType],
      ['eq', '$x-amz-meta-uploaded-by', options.uploadedBy],
    ],
    Fields: { 'Content-Type': options.contentType, 'x-amz-meta-uploaded-by': options.uploadedBy },
    Expires: options.expiresSeconds,
  });
}
