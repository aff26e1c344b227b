/**
 * Chaos phase 1: intake throws for some records of a batch. The fault is on
 * the upload record's read, so the record fails inside intake while the rest
 * of its batch succeeds (a partial batch failure). Some records fail only
 * twice and get through on a later receive; the others fail every time,
 * reach the dead-letter queue after maxReceiveCount receives, and are
 * recovered by the redrive once the fault is gone.
 */

import { deadLetterQueueName, redriveDeadLetters } from '../../shared/adapters/sqs-redrive.js';
import { uploadRecordKey } from '../../shared/adapters/table-keys.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import type { ProxiedRequest } from '../fault-proxy.js';
import {
  type ChaosContext,
  messagesIn,
  type PostedUpload,
  postUploads,
  queueUrl,
  requestUploads,
  storedVersions,
  waitUntil,
} from './chaos-context.js';

export interface PoisonedRecordsReport {
  uploads: number;
  /** Records that failed a few receives, then succeeded. */
  transient: number;
  /** Records that failed every receive until the fault was fixed. */
  permanent: number;
  /** Requests the fault proxy failed. */
  failedRequests: number;
  deadLettered: number;
  /** Stored before the redrive: all but the permanently failing records. */
  storedBeforeRedrive: number;
  redriven: number;
  stored: number;
}

/** The SDK tries each request three times; a record fails once all three do. */
const SDK_ATTEMPTS = 3;
/** Receives a "transient" record fails before it succeeds (under maxReceiveCount). */
const TRANSIENT_RECEIVES = 2;

const readsUpload = (agencyId: string, upload: PostedUpload) => {
  const pk = uploadRecordKey(agencyId, upload.uploadId).pk;
  return (request: ProxiedRequest) =>
    request.service === 'dynamodb' && request.operation === 'GetItem' && request.body.includes(pk);
};

export async function poisonedRecords(
  ctx: ChaosContext,
  round: Round,
  roundId: string,
  itemNos: readonly number[],
): Promise<PoisonedRecordsReport> {
  const faults = ctx.stack.faults;
  if (!faults) throw new Error('the stack must be started with faults on');
  const requested = await requestUploads(ctx, roundId, itemNos);
  // One upload in ten fails for a while, another one in ten until the fault is fixed.
  const permanent = requested.filter((_, i) => i % 10 === 4);
  const transient = requested.filter((_, i) => i % 10 === 9);
  const lifts = [
    ...transient.map((upload) =>
      faults.inject({
        name: 'intake-transient',
        matches: readsUpload(ctx.agencyId, upload),
        times: SDK_ATTEMPTS * TRANSIENT_RECEIVES,
      }),
    ),
    ...permanent.map((upload) =>
      faults.inject({ name: 'intake-poison', matches: readsUpload(ctx.agencyId, upload) }),
    ),
  ];
  ctx.log(
    `  ${requested.length} uploads; intake fails ${transient.length} for ${TRANSIENT_RECEIVES} receives and ${permanent.length} on every receive`,
  );
  const posted = await postUploads(ctx, round, requested);

  // Wait until the permanently failing records have been dead-lettered and the rest stored.
  await waitUntil(
    'the poisoned records are dead-lettered',
    () => messagesIn(ctx, 'intake-dlq') >= permanent.length,
  );
  await ctx.stack.settle(60_000);
  const deadLettered = messagesIn(ctx, 'intake-dlq');
  const storedBefore = await storedVersions(ctx, roundId, itemNos);
  ctx.log(
    `  dead-lettered ${deadLettered}, stored ${storedBefore} of ${posted.length}; fixing the fault and redriving …`,
  );

  for (const lift of lifts) lift();
  const redriven = await redriveDeadLetters(ctx.sqs, {
    deadLetterQueueUrl: queueUrl(ctx, deadLetterQueueName('intake')),
    sourceQueueUrl: queueUrl(ctx, '-intake'),
  });
  await ctx.stack.settle(60_000);
  const stored = await storedVersions(ctx, roundId, itemNos);
  const failures = faults.failures();
  return {
    uploads: posted.length,
    transient: transient.length,
    permanent: permanent.length,
    failedRequests: (failures['intake-transient'] ?? 0) + (failures['intake-poison'] ?? 0),
    deadLettered,
    storedBeforeRedrive: storedBefore,
    redriven,
    stored,
  };
}
