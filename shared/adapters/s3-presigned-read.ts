/**
 * Short-lived presigned GETs: a large private object (the rolled-up draft
 * can pass Lambda's 6 MB response limit) goes from S3 straight to the
 * person, signed with the function's own credentials, so the bucket stays
 * private and the function never carries the bytes.
 */

import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectLinks } from '../workflow/ports.js';

export class S3PresignedRead implements ObjectLinks {
  constructor(private readonly client: S3Client) {}

  readUrl(
    bucket: string,
    key: string,
    options: { expiresInSeconds: number; contentType: string },
  ): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentType: options.contentType,
        // A draft is not for shared caches, nor for keeping.
        ResponseCacheControl: 'private, no-store',
      }),
      { expiresIn: options.expiresInSeconds },
    );
  }
}
