/**
 * GET /agencies/{agencyId}/uploads/{uploadId} — how an upload went:
 * accepted as version n, or every problem in Thai and English.
 */

import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import { mayReadUpload } from '../../shared/workflow/authorisation.js';
import { uploadView } from '../../shared/workflow/upload-record.js';
import { workflowProblem } from '../../shared/workflow/workflow-messages.js';
import { readEnvironment } from '../common/environment.js';
import {
  callerOf,
  type HttpEvent,
  type HttpResult,
  json,
  problems,
  unauthenticated,
} from '../common/http.js';
import { httpHandler } from '../common/http-handler.js';
import { lazy } from '../common/lazy.js';
import { createObservability } from '../common/observability.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const submissions = lazy(() => new DynamoDbSubmissionRepository(documentClient(), env.TABLE_NAME));

async function getUpload(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const agencyId = event.pathParameters?.agencyId ?? '';
  const uploadId = event.pathParameters?.uploadId ?? '';
  const notFound = problems(404, [workflowProblem('upload.notFound', '$', { uploadId })]);

  const upload = await submissions().getUpload(agencyId, uploadId);
  // A stranger learns nothing, not even that the upload exists.
  if (!upload || mayReadUpload(caller, agencyId, upload)) return notFound;
  return json(200, uploadView(upload));
}

export const handler = httpHandler(observability, getUpload);
