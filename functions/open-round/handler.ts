/**
 * POST /agencies/{agencyId}/rounds — the coordinator opens a round: plan
 * items, responsible divisions, due date and approval chain.
 */

import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { MAX_ROUND_DOCUMENT_BYTES } from '../../shared/validation/parse-json-text.js';
import { validateRound } from '../../shared/validation/validate-round.js';
import { mayOpenRound } from '../../shared/workflow/authorisation.js';
import { roundIdOf } from '../../shared/workflow/round-id.js';
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
import { jsonBody } from '../common/json-body.js';
import { lazy } from '../common/lazy.js';
import { createObservability } from '../common/observability.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const rounds = lazy(() => new DynamoDbRoundRepository(documentClient(), env.TABLE_NAME));

async function openRound(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const agencyId = event.pathParameters?.agencyId ?? '';
  const denied = mayOpenRound(caller, agencyId);
  if (denied) return problems(403, [denied]);

  // A plan of 5,000 items is larger than any submission.
  const body = jsonBody(event, MAX_ROUND_DOCUMENT_BYTES);
  if (!body.ok) return problems(400, body.problems);
  const round = validateRound(body.value);
  if (!round.ok) return problems(422, round.problems);
  if (round.value.agency.id !== agencyId) {
    return problems(422, [
      workflowProblem('round.agencyMismatch', '$.agency.id', {
        received: round.value.agency.id,
        expected: agencyId,
      }),
    ]);
  }

  const roundId = roundIdOf(round.value.fiscalYear, round.value.period);
  const record = {
    agencyId,
    roundId,
    round: round.value,
    openedBy: caller.sub,
    openedAt: now().toISOString(),
  };
  const opened = await rounds().openRound(record);
  if (!opened) return problems(409, [workflowProblem('round.exists', '$', { roundId })]);
  observability.metrics.addMetric('RoundsOpened', 'Count', 1);
  return json(201, { agencyId, roundId, round: round.value });
}

export const handler = httpHandler(observability, openRound);
