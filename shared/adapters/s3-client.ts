/** One S3 client per container, created on first use (one file per service keeps bundles lean). */

import { S3Client } from '@aws-sdk/client-s3';

let s3: S3Client | undefined;

export function s3Client(): S3Client {
  // Emulators serve buckets by path, not by virtual host.
  s3 ??= new S3Client({ forcePathStyle: process.env.ACM_S3_FORCE_PATH_STYLE === 'true' });
  return s3;
}
