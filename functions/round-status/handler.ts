/**
 * GET /agencies/{agencyId}/rounds/{roundId}/status — where every plan item
 * stands, which divisions are missing, whether the round is overdue.
 */

import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { mayReadRound } from '../../shared/workflow/authorisation.js';
import { roundStatus } from '../../shared/workflow/round-status.js';
import { workflowProblem } from '../../shared/workflow/workflow-messages.js';
import { now, readEnvironment } from '../common/environment.js';
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
const rounds = lazy(() => new DynamoDbRoundRepository(documentClient(), env.TABLE_NAME));

async function getRoundStatus(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const agencyId = event.pathParameters?.agencyId ?? '';
  const roundId = event.pathParameters?.roundId ?? '';
  const denied = mayReadRound(caller, agencyId);
  if (denied) return problems(403, [denied]);

  const found = await rounds().getRoundWithItems(agencyId, roundId);
  if (!found) return problems(404, [workflowProblem('round.notFound', '$', { agencyId, roundId })]);
  return json(200, roundStatus(found.record, found.items, now()));
}

export const handler = httpHandler(observability, getRoundStatus);
