/**
 * A round of 5,000 plan items (the schema's limit) on the embedded stack:
 * opened through the API and uploaded into through presigned POSTs. Plan
 * items are rows of their own, so nothing here may be refused for the
 * round's size (a round used to be one DynamoDB item and stopped near 1,100
 * items; the local API's 1 MiB body cap and open-round's 10 s timeout also
 * stood in the way of the 1.7 MB plan).
 *
 * A handful of items travel the whole way (request-upload, intake): their
 * cost is what the round's size must not change (bench/intake-bench.ts
 * measures it against a 500-item round).
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChaosContext,
  chaosContext,
  postUploads,
  requestUploads,
  uploadRecords,
  waitUntil,
} from '../../local/chaos/chaos-context.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import { readSeedPlan, type SeedPlan, syntheticRound } from '../../local/synthetic-round.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import type { RoundStatus } from '../../shared/workflow/round-status.js';

const ROUND_ITEMS = 5000;
/** First, middle and last items, and one beside the last: every division's rows, both ends of the plan. */
const UPLOADED = [1, 2500, 4999, 5000];

let stack: LocalStack;
let ctx: ChaosContext;
let seed: SeedPlan;
let round: Round;
let roundId: string;
let statusAfterUploads: RoundStatus;
let uploadStatuses: Array<string | undefined>;

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  seed = await readSeedPlan();
  stack = await startLocalStack({
    agencyId: seed.round.agency.id,
    divisions: seed.round.items.map((item) => item.division),
    portal: false,
  });
  ctx = chaosContext(stack, seed, () => {});
  round = syntheticRound(seed, ROUND_ITEMS, { period: 'FY' });
  roundId = (await ctx.clientOf('coordinator').openRound(ctx.agencyId, round)).roundId;

  const uploads = await postUploads(ctx, round, await requestUploads(ctx, roundId, UPLOADED));
  await waitUntil('every upload is validated', async () =>
    (await uploadRecords(ctx, uploads)).every((r) => r !== undefined && r.status !== 'requested'),
  );
  uploadStatuses = (await uploadRecords(ctx, uploads)).map((r) => r?.status);
  statusAfterUploads = (await ctx
    .clientOf('coordinator')
    .roundStatus(ctx.agencyId, roundId)) as unknown as RoundStatus;
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

describe(`A round of ${ROUND_ITEMS.toLocaleString('en')} plan items on the local stack`, () => {
  it('is opened whole: the status lists every plan item, in plan order', () => {
    expect(statusAfterUploads.items).toHaveLength(ROUND_ITEMS);
    expect(statusAfterUploads.items.map((item) => item.no)).toEqual(
      round.items.map((item) => item.no),
    );
  });

  it('accepts an upload into any item, the last one included', () => {
    expect(uploadStatuses).toEqual(UPLOADED.map(() => 'accepted'));
    const uploaded = statusAfterUploads.items.filter((item) => UPLOADED.includes(item.no));
    expect(uploaded.map((item) => [item.no, item.progress, item.version])).toEqual(
      UPLOADED.map((no) => [no, 'awaiting-approval', 1]),
    );
    expect(statusAfterUploads.counts['awaiting-approval']).toBe(UPLOADED.length);
    expect(statusAfterUploads.counts.missing).toBe(ROUND_ITEMS - UPLOADED.length);
  });
});
