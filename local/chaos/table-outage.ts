/**
 * Chaos phase 2: the table is unavailable for a while. Every DynamoDB
 * request fails during the outage: uploads posted then cannot be taken in
 * (their records are retried by SQS, and any that exhaust their receives are
 * redriven afterwards), and the API answers 503 with Retry-After, which a
 * careful client honours. Once the table is back, everything is stored.
 */

import { ApiError } from '../../shared/adapters/acm-api-client.js';
import { deadLetterQueueName, redriveDeadLetters } from '../../shared/adapters/sqs-redrive.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import {
  type ChaosContext,
  messagesIn,
  postUploads,
  queueUrl,
  requestUploads,
  storedVersions,
} from './chaos-context.js';

export interface TableOutageReport {
  outageMs: number;
  uploads: number;
  /** API requests answered 503 (service unavailable) during the outage. */
  unavailableAnswers: number;
  /** Of those, answers that said when to retry. */
  withRetryAfter: number;
  failedRequests: number;
  deadLettered: number;
  redriven: number;
  stored: number;
}

export async function tableOutage(
  ctx: ChaosContext,
  round: Round,
  roundId: string,
  itemNos: readonly number[],
  outageMs: number,
): Promise<TableOutageReport> {
  const faults = ctx.stack.faults;
  if (!faults) throw new Error('the stack must be started with faults on');
  // Half the uploads are requested before the outage and posted during it;
  // the other half are requested during it (and refused with 503), then again after.
  const half = Math.ceil(itemNos.length / 2);
  const early = await requestUploads(ctx, roundId, itemNos.slice(0, half));
  const late = itemNos.slice(half);

  ctx.log(`  the table is unavailable for ${(outageMs / 1000).toFixed(1)} s …`);
  const restore = faults.inject({
    name: 'table-outage',
    matches: (request) => request.service === 'dynamodb',
  });
  const outageOver = new Promise((resolve) => setTimeout(resolve, outageMs)).then(restore);
  await postUploads(ctx, round, early);
  let unavailableAnswers = 0;
  let withRetryAfter = 0;
  let retryAfterSeconds = 0;
  for (const itemNo of late) {
    try {
      await requestUploads(ctx, roundId, [itemNo]);
      throw new Error('the API answered during the outage');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 503) throw error;
      unavailableAnswers += 1;
      if (error.retryAfterSeconds !== undefined) {
        withRetryAfter += 1;
        retryAfterSeconds = error.retryAfterSeconds;
      }
    }
  }
  await outageOver;
  ctx.log(
    `  ${unavailableAnswers} upload requests were answered 503 (retry after ${retryAfterSeconds} s); the table is back`,
  );
  const lateRequested = await requestUploads(ctx, roundId, late);
  await postUploads(ctx, round, lateRequested);
  await ctx.stack.settle(60_000);

  const deadLettered = messagesIn(ctx, 'intake-dlq');
  const redriven = await redriveDeadLetters(ctx.sqs, {
    deadLetterQueueUrl: queueUrl(ctx, deadLetterQueueName('intake')),
    sourceQueueUrl: queueUrl(ctx, '-intake'),
  });
  await ctx.stack.settle(60_000);
  return {
    outageMs,
    uploads: early.length + lateRequested.length,
    unavailableAnswers,
    withRetryAfter,
    failedRequests: faults.failures()['table-outage'] ?? 0,
    deadLettered,
    redriven,
    stored: await storedVersions(ctx, roundId, itemNos),
  };
}
