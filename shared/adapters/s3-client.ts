/**
 * One S3 client per container (and per local endpoint: client-per-endpoint.ts),
 * created on first use (one file per service keeps bundles lean).
 */

import { S3Client } from '@aws-sdk/client-s3';
import { clientPerEndpoint } from './client-per-endpoint.js';

export const s3Client = clientPerEndpoint(
  'AWS_ENDPOINT_URL_S3',
  // Emulators serve buckets by path, not by virtual host.
  () => new S3Client({ forcePathStyle: process.env.ACM_S3_FORCE_PATH_STYLE === 'true' }),
);
