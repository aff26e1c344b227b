/**
 * GET /agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/versions/{version}
 * — a stored version's validated submission beside its plan item, for the
 * portal's preview.
 */

import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { readVersion } from '../../shared/workflow/read-version.js';
import { readEnvironment } from '../common/environment.js';
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
const ports = lazy(() => {
  const table = env.TABLE_NAME;
  return {
    rounds: new DynamoDbRoundRepository(documentClient(), table),
    submissions: new DynamoDbSubmissionRepository(documentClient(), table),
    objects: new S3BlobStore(s3Client()),
    bucket: env.INCOMING_BUCKET,
  };
});

async function getVersion(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const where = {
    agencyId: event.pathParameters?.agencyId ?? '',
    roundId: event.pathParameters?.roundId ?? '',
    itemNo: Number(event.pathParameters?.itemNo),
    version: Number(event.pathParameters?.version),
  };
  const outcome = await readVersion(ports(), caller, where);
  if (outcome.kind !== 'found') {
    return refusal(outcome);
  }
  return json(200, outcome.document);
}

export const handler = httpHandler(observability, getVersion);
