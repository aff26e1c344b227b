/** GET /agencies/{agencyId}/rounds — the agency's rounds, newest first, for anyone in it. */

import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { listRounds } from '../../shared/workflow/list-rounds.js';
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
const rounds = lazy(() => new DynamoDbRoundRepository(documentClient(), env.TABLE_NAME));

async function getRounds(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const agencyId = event.pathParameters?.agencyId ?? '';
  const outcome = await listRounds({ rounds: rounds() }, caller, agencyId);
  if (outcome.kind === 'forbidden') return problems(403, outcome.problems);
  return json(200, { agencyId, rounds: outcome.rounds });
}

export const handler = httpHandler(observability, getRounds);
