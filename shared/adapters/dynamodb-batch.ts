/**
 * BatchGetItem and BatchWriteItem as the repositories need them: any number
 * of keys or rows, cut into the service's page sizes (100 keys, 25 writes),
 * and the part DynamoDB leaves unprocessed under load asked again a bounded
 * number of times with exponential backoff. A batch that still has
 * unprocessed work after that fails with `UnprocessedBatchError`: a caller
 * must never mistake "throttled" for "not there".
 */

import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { mapLimit } from '../workflow/map-limit.js';

/** BatchGetItem takes at most 100 keys per call. */
export const BATCH_GET_LIMIT = 100;
/** BatchWriteItem takes at most 25 requests per call. */
export const BATCH_WRITE_LIMIT = 25;
/**
 * Pages sent at once. A 5,000-item plan is 200 write pages: one after the
 * other they took longer than open-round's 10 s on the embedded stack (and
 * about 3 s of round trips in AWS); a few in flight overlap the round trips
 * while a throttled page still backs off on its own.
 */
const PAGES_IN_FLIGHT = 4;

export interface BatchRetry {
  /** Calls per page, the first included. */
  attempts: number;
  /** The wait before the second call; each further wait doubles. */
  firstDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** About 3 s of backoff in all: longer than a burst of throttling, shorter than a Lambda timeout. */
export const DEFAULT_BATCH_RETRY: BatchRetry = {
  attempts: 6,
  firstDelayMs: 50,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class UnprocessedBatchError extends Error {
  override readonly name = 'UnprocessedBatchError';
  constructor(
    readonly operation: 'BatchGetItem' | 'BatchWriteItem',
    readonly unprocessed: number,
    readonly attempts: number,
  ) {
    super(
      `${operation} left ${unprocessed} request(s) unprocessed after ${attempts} attempts (throttled); try again later`,
    );
  }
}

type Key = Record<string, unknown>;

function pages<T>(all: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
}

/** Every item found for `keys` (in no particular order; missing keys are simply absent). */
export async function batchGetAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Key[],
  retry: BatchRetry = DEFAULT_BATCH_RETRY,
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  await mapLimit(pages(keys, BATCH_GET_LIMIT), PAGES_IN_FLIGHT, async (page) => {
    let pending: Key[] = page;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > retry.attempts) {
        throw new UnprocessedBatchError('BatchGetItem', pending.length, retry.attempts);
      }
      if (attempt > 1) await retry.sleep(retry.firstDelayMs * 2 ** (attempt - 2));
      const out: BatchGetCommandOutput = await client.send(
        new BatchGetCommand({
          RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } },
        }),
      );
      found.push(...(out.Responses?.[tableName] ?? []));
      pending = (out.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
    }
  });
  return found;
}

/** Puts every row (a put replaces a row with the same key). */
export async function batchPutAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  rows: readonly Record<string, unknown>[],
  retry: BatchRetry = DEFAULT_BATCH_RETRY,
): Promise<void> {
  await mapLimit(pages(rows, BATCH_WRITE_LIMIT), PAGES_IN_FLIGHT, async (page) => {
    let pending = page.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > retry.attempts) {
        throw new UnprocessedBatchError('BatchWriteItem', pending.length, retry.attempts);
      }
      if (attempt > 1) await retry.sleep(retry.firstDelayMs * 2 ** (attempt - 2));
      const out: BatchWriteCommandOutput = await client.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = (out.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  });
}
