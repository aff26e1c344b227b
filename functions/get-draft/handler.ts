/**
 * GET /agencies/{agencyId}/rounds/{roundId}/draft — the rolled-up report the
 * agency head is asked to sign off, for the sign-off preview: a short-lived
 * presigned GET of it, never the report itself (Lambda answers at most 6 MB).
 */

import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { S3PresignedRead } from '../../shared/adapters/s3-presigned-read.js';
import { readDraft } from '../../shared/workflow/read-draft.js';
import { now, readEnvironment } from '../common/environment.js';
import {
  callerOf,
  type HttpEvent,
  type HttpResult,
  json,
  refusal,
  unauthenticated,
} from '../common/http.js';
import { httpHandler } from '../common/http-handler.js';
import { lazy } from '../common/lazy.js';
import { createObservability } from '../common/observability.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const ports = lazy(() => ({
  rounds: new DynamoDbRoundRepository(documentClient(), env.TABLE_NAME),
  objects: new S3BlobStore(s3Client()),
  links: new S3PresignedRead(s3Client()),
  bucket: env.INCOMING_BUCKET,
  now,
}));

async function getDraft(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const where = {
    agencyId: event.pathParameters?.agencyId ?? '',
    roundId: event.pathParameters?.roundId ?? '',
  };
  const outcome = await readDraft(ports(), caller, where);
  if (outcome.kind !== 'found') {
    return refusal(outcome);
  }
  return json(200, outcome.draft);
}

export const handler = httpHandler(observability, getDraft);
