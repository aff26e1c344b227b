/**
 * POST /agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/uploads
 * {"format": "json" | "txt" | "docx"} — a presigned POST for one file of
 * that format, for that item's division, valid for 15 minutes.
 */

import { randomUUID } from 'node:crypto';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { type PresignOptions, presignUpload } from '../../shared/adapters/s3-presigned-upload.js';
import { readUploadRequest, requestUpload } from '../../shared/workflow/request-upload.js';
import { uploadView } from '../../shared/workflow/upload-record.js';
import { now, readEnvironment } from '../common/environment.js';
import {
  callerOf,
  type HttpEvent,
  type HttpResult,
  json,
  problems,
  refusal,
  unauthenticated,
} from '../common/http.js';
import { httpHandler } from '../common/http-handler.js';
import { jsonBody } from '../common/json-body.js';
import { lazy } from '../common/lazy.js';
import { createObservability } from '../common/observability.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const ports = lazy(() => {
  const table = env.TABLE_NAME;
  const bucket = env.INCOMING_BUCKET;
  const submissions = new DynamoDbSubmissionRepository(documentClient(), table);
  return {
    rounds: new DynamoDbRoundRepository(documentClient(), table),
    putUpload: submissions.putUpload.bind(submissions),
    presign: (key: string, options: PresignOptions) =>
      presignUpload(s3Client(), bucket, key, options),
    newUploadId: randomUUID,
    now,
  };
});

async function requestUploadUrl(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const body = jsonBody(event);
  if (!body.ok) return problems(400, body.problems);
  const request = readUploadRequest(body.value);
  if (!request.ok) return problems(400, request.problems);

  const where = {
    agencyId: event.pathParameters?.agencyId ?? '',
    roundId: event.pathParameters?.roundId ?? '',
    itemNo: Number(event.pathParameters?.itemNo),
  };
  const outcome = await requestUpload(ports(), caller, where, request.value.format);
  if (outcome.kind !== 'presigned') {
    return refusal(outcome);
  }

  observability.metrics.addMetric('UploadsRequested', 'Count', 1);
  return json(201, {
    ...uploadView(outcome.record),
    expiresAt: outcome.record.expiresAt,
    maxBytes: outcome.maxBytes,
    post: outcome.post,
  });
}

export const handler = httpHandler(observability, requestUploadUrl);
