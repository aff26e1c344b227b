/**
 * GET /agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/carried — the
 * item's FY draft carried over from its approved H1 version, marked with
 * that version and when it was approved, for the division to download or
 * submit as it is.
 */

import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { readCarriedDraft } from '../../shared/workflow/read-carried-draft.js';
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
    approvals: new DynamoDbApprovalRepository(documentClient(), table),
    objects: new S3BlobStore(s3Client()),
    bucket: env.INCOMING_BUCKET,
  };
});

async function getCarriedDraft(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const where = {
    agencyId: event.pathParameters?.agencyId ?? '',
    roundId: event.pathParameters?.roundId ?? '',
    itemNo: Number(event.pathParameters?.itemNo),
  };
  const outcome = await readCarriedDraft(ports(), caller, where);
  if (outcome.kind !== 'found') return refusal(outcome);
  return json(200, outcome.document);
}

export const handler = httpHandler(observability, getCarriedDraft);
