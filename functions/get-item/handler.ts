/**
 * GET /agencies/{agencyId}/rounds/{roundId}/items/{itemNo} — one plan item's
 * state, versions, decisions (with a return's comment) and the problems of
 * its latest refused upload: for its division and the round's overseers.
 */

import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import { itemHistory } from '../../shared/workflow/item-history.js';
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
const ports = lazy(() => {
  const table = env.TABLE_NAME;
  return {
    rounds: new DynamoDbRoundRepository(documentClient(), table),
    submissions: new DynamoDbSubmissionRepository(documentClient(), table),
    approvals: new DynamoDbApprovalRepository(documentClient(), table),
    now,
  };
});

async function getItem(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const where = {
    agencyId: event.pathParameters?.agencyId ?? '',
    roundId: event.pathParameters?.roundId ?? '',
    itemNo: Number(event.pathParameters?.itemNo),
  };
  const outcome = await itemHistory(ports(), caller, where);
  if (outcome.kind !== 'found') {
    return refusal(outcome);
  }
  return json(200, outcome.history);
}

export const handler = httpHandler(observability, getItem);
