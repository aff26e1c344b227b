/**
 * POST /agencies/{agencyId}/rounds/{roundId}/carry-over — the coordinator
 * opens the annual (FY) round from the year's published six-month round:
 * the plan items carry over and each division's draft starts from its
 * approved H1 version. Body: `{ "due": "YYYY-MM-DD" }`, or nothing for
 * 31 October.
 */

import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { mayOpenRound } from '../../shared/workflow/authorisation.js';
import { openFyFromH1 } from '../../shared/workflow/carry-over.js';
import { parseRoundId, roundIdOf } from '../../shared/workflow/round-id.js';
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
const ports = lazy(() => ({
  rounds: new DynamoDbRoundRepository(documentClient(), env.TABLE_NAME),
  objects: new S3BlobStore(s3Client()),
  privateBucket: env.INCOMING_BUCKET,
  publicBucket: env.PUBLISHED_BUCKET,
  now,
}));

/** The due date asked for; absent for the default. A non-string is passed on to be refused by name. */
function dueOf(event: HttpEvent): { ok: true; due?: string } | { ok: false; result: HttpResult } {
  if (!event.body) return { ok: true };
  const body = jsonBody(event);
  if (!body.ok) return { ok: false, result: problems(400, body.problems) };
  const due = (body.value as { due?: unknown } | null)?.due;
  return due === undefined ? { ok: true } : { ok: true, due: String(due) };
}

async function openFy(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const agencyId = event.pathParameters?.agencyId ?? '';
  const h1Id = event.pathParameters?.roundId ?? '';
  const denied = mayOpenRound(caller, agencyId);
  if (denied) return problems(403, [denied]);
  const h1 = parseRoundId(h1Id);
  if (h1?.period !== 'H1') {
    return problems(422, [workflowProblem('round.notH1', '$', { roundId: h1Id })]);
  }
  const body = dueOf(event);
  if (!body.ok) return body.result;

  const outcome = await openFyFromH1(ports(), {
    agencyId,
    fiscalYear: h1.fiscalYear,
    openedBy: caller.sub,
    ...(body.due === undefined ? {} : { due: body.due }),
  });
  switch (outcome.kind) {
    case 'no-h1':
      return problems(404, [workflowProblem('round.notFound', '$', { agencyId, roundId: h1Id })]);
    case 'no-published-h1':
      return problems(409, [workflowProblem('round.h1NotPublished', '$', { roundId: h1Id })]);
    case 'already-open': {
      const roundId = roundIdOf(h1.fiscalYear, 'FY');
      return problems(409, [workflowProblem('round.exists', '$', { roundId })]);
    }
    case 'invalid':
      return problems(422, outcome.problems);
    case 'opened':
      observability.metrics.addMetric('RoundsOpened', 'Count', 1);
      return json(201, {
        agencyId,
        roundId: outcome.roundId,
        round: outcome.round,
        carriedFrom: h1Id,
        drafts: outcome.drafts.length,
      });
  }
}

export const handler = httpHandler(observability, openFy);
