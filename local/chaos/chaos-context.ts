/**
 * What every chaos phase works with: the stack (started with faults on), the
 * seed plan for realistic documents, and ways to upload, count what was
 * stored and read the queues, always from the services themselves (never
 * through the fault proxies, which only the handlers use).
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  AcmApiClient,
  CONTENT_TYPES,
  postPresigned,
} from '../../shared/adapters/acm-api-client.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import type { UploadRecord } from '../../shared/workflow/upload-record.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../embedded-services.js';
import type { LocalStack } from '../local-stack.js';
import { type SeedPlan, seedIndexOf, syntheticSubmission } from '../synthetic-round.js';

export interface ChaosContext {
  stack: LocalStack;
  seed: SeedPlan;
  agencyId: string;
  log: (line: string) => void;
  clientOf(identityId: string): AcmApiClient;
  /** Upload records and versions, read straight from the embedded DynamoDB. */
  submissions: DynamoDbSubmissionRepository;
  /** An SQS client on the embedded SQS. */
  sqs: SQSClient;
}

export interface PostedUpload {
  itemNo: number;
  uploadId: string;
}

export function chaosContext(
  stack: LocalStack,
  seed: SeedPlan,
  log: (line: string) => void,
): ChaosContext {
  const dynamo = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: stack.services.endpoints.dynamodb,
  });
  return {
    stack,
    seed,
    agencyId: seed.round.agency.id,
    log,
    clientOf: (id) => new AcmApiClient(stack.apiUrl, stack.tokenFor(id)),
    submissions: new DynamoDbSubmissionRepository(
      DynamoDBDocumentClient.from(dynamo),
      stack.resources.tableName,
    ),
    sqs: new SQSClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.services.endpoints.sqs,
    }),
  };
}

/** The seed division's staff member who uploads item `itemNo` of a synthetic round. */
export const uploaderOf = (ctx: ChaosContext, itemNo: number) =>
  `staff-${seedIndexOf(ctx.seed, itemNo) + 1}`;

/** Asks the API for a presigned POST for each item (one division member each). */
export async function requestUploads(
  ctx: ChaosContext,
  roundId: string,
  itemNos: readonly number[],
): Promise<Array<PostedUpload & { post: { url: string; fields: Record<string, string> } }>> {
  return Promise.all(
    itemNos.map(async (itemNo) => {
      const presigned = await ctx
        .clientOf(uploaderOf(ctx, itemNo))
        .requestUpload(ctx.agencyId, roundId, itemNo, 'json');
      return { itemNo, uploadId: presigned.uploadId, post: presigned.post };
    }),
  );
}

/** Sends each item's seed submission to S3 through its presigned POST. */
export async function postUploads(
  ctx: ChaosContext,
  round: Round,
  requested: ReadonlyArray<
    PostedUpload & { post: { url: string; fields: Record<string, string> } }
  >,
): Promise<PostedUpload[]> {
  const encoder = new TextEncoder();
  await Promise.all(
    requested.map(({ itemNo, post }) =>
      postPresigned(
        post,
        encoder.encode(JSON.stringify(syntheticSubmission(ctx.seed, round, itemNo))),
        `item-${itemNo}.json`,
        CONTENT_TYPES.json,
      ),
    ),
  );
  return requested.map(({ itemNo, uploadId }) => ({ itemNo, uploadId }));
}

/** What became of each upload, as stored. */
export async function uploadRecords(
  ctx: ChaosContext,
  uploads: readonly PostedUpload[],
): Promise<Array<UploadRecord | undefined>> {
  return Promise.all(uploads.map((u) => ctx.submissions.getUpload(ctx.agencyId, u.uploadId)));
}

/**
 * Items of a round stored exactly once: each was sent one upload, so its
 * latest version must be 1. A lost upload (no version) and a duplicate (a
 * version 2) both leave it uncounted, so neither can hide the other.
 */
export async function storedVersions(
  ctx: ChaosContext,
  roundId: string,
  itemNos: readonly number[],
): Promise<number> {
  const latest = await Promise.all(
    itemNos.map((itemNo) => ctx.submissions.latestVersion(ctx.agencyId, roundId, itemNo)),
  );
  return latest.filter((version) => version?.version === 1).length;
}

/** Messages held by a queue of the stack, by the end of its name ("intake-dlq"). */
export function messagesIn(ctx: ChaosContext, nameEnd: string): number {
  const queue = [...ctx.stack.resources.queues.values()].find((q) => q.name.endsWith(nameEnd));
  if (!queue) throw new Error(`no queue named …${nameEnd}`);
  const m = ctx.stack.services.sqs.inspectQueue(queue.name)?.messages;
  return (m?.ready.length ?? 0) + (m?.inflight.length ?? 0) + (m?.delayed.length ?? 0);
}

/** Messages held by every dead-letter queue of the stack. */
export function deadLetteredMessages(stack: LocalStack): number {
  return [...stack.resources.queues.values()]
    .filter((queue) => queue.name.endsWith('-dlq'))
    .reduce((sum, queue) => {
      const m = stack.services.sqs.inspectQueue(queue.name)?.messages;
      return sum + (m?.ready.length ?? 0) + (m?.inflight.length ?? 0) + (m?.delayed.length ?? 0);
    }, 0);
}

export function queueUrl(ctx: ChaosContext, nameEnd: string): string {
  const queue = [...ctx.stack.resources.queues.values()].find((q) => q.name.endsWith(nameEnd));
  if (!queue) throw new Error(`no queue named …${nameEnd}`);
  return queue.url;
}

/** Polls until `done()` holds (checking every 100 ms), or throws after `timeoutMs`. */
export async function waitUntil(
  what: string,
  done: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
