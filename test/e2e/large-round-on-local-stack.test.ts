/**
 * A round of 5,000 plan items (the schema's limit) on the embedded stack:
 * opened through the API, uploaded into through presigned POSTs, approved
 * through the API and rolled up by the state machine into the draft the
 * agency head signs off. Plan items are rows of their own, so nothing here
 * may be refused for the round's size (a round used to be one DynamoDB item
 * and stopped near 1,100 items).
 *
 * A handful of items travel the whole way (request-upload, intake, both
 * approval steps): their cost is what the round's size must not change
 * (bench/intake-bench.ts measures it against a 500-item round). The other
 * 4,996 are made approved in bulk (local/seed-approved-items.ts, through the
 * repositories' own rows), so that the last API approval finds the round
 * complete and the roll-up reads 5,000 approved versions and documents.
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
import { seedApprovedItems } from '../../local/seed-approved-items.js';
import { readSeedPlan, type SeedPlan, syntheticRound } from '../../local/synthetic-round.js';
import { ApiError } from '../../shared/adapters/acm-api-client.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import type { RoundStatus } from '../../shared/workflow/round-status.js';

const ROUND_ITEMS = 5000;
/** First, middle and last items, and one beside the last: every division's rows, both ends of the plan. */
const UPLOADED = [1, 2500, 4999, 5000];
const SEEDED = Array.from({ length: ROUND_ITEMS }, (_, i) => i + 1).filter(
  (no) => !UPLOADED.includes(no),
);

let stack: LocalStack;
let ctx: ChaosContext;
let seed: SeedPlan;
let round: Round;
let roundId: string;
let statusAfterUploads: RoundStatus;
let uploadStatuses: Array<string | undefined>;
let approvedThroughApi: string[];
let draft: Report;
let draftAttempt: number;
let rollUpSeconds: number;

const status = async () =>
  (await ctx.clientOf('coordinator').roundStatus(ctx.agencyId, roundId)) as unknown as RoundStatus;

/**
 * Calls the API again after a 503 (Retry-After): on a loaded machine a
 * function's own call can time out while the roll-up holds the CPU, and a
 * client is told to retry exactly then.
 */
async function briefRetry<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 503 || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * (error.retryAfterSeconds ?? 1)));
    }
  }
}

/** Every pending item approval each approver holds, approved through the API; what was approved. */
async function approvePending(): Promise<string[]> {
  const approvers = stack.identities.filter(
    (i) => i.id.startsWith('director-') || i.id === 'acc-officer',
  );
  const approved: string[] = [];
  for (const approver of approvers) {
    const client = ctx.clientOf(approver.id);
    const { approvals } = await briefRetry(() => client.listApprovals(ctx.agencyId));
    for (const approval of approvals) {
      if (approval.subject.kind !== 'item') continue;
      await briefRetry(() => client.decide(approval.approvalId, 'approve'));
      approved.push(`${approval.subject.itemNo} ${approval.role}`);
    }
  }
  return approved;
}

/** The agency head's link to the draft, followed; undefined until the roll-up has written one. */
async function readDraft(): Promise<{ report: Report; attempt: number } | undefined> {
  const response = await fetch(
    `${stack.apiUrl.replace(/\/$/, '')}/agencies/${ctx.agencyId}/rounds/${roundId}/draft`,
    { headers: { authorization: `Bearer ${stack.tokenFor('agency-head')}` } },
  );
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`get-draft answered ${response.status}`);
  const link = (await response.json()) as { reportUrl: string; signOff: { attempt: number } };
  const fetched = await fetch(link.reportUrl);
  return { report: (await fetched.json()) as Report, attempt: link.signOff.attempt };
}

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
  await seedApprovedItems(stack, seed, { agencyId: ctx.agencyId, roundId, round }, SEEDED);

  const uploads = await postUploads(ctx, round, await requestUploads(ctx, roundId, UPLOADED));
  await waitUntil('every upload is validated', async () =>
    (await uploadRecords(ctx, uploads)).every((r) => r !== undefined && r.status !== 'requested'),
  );
  uploadStatuses = (await uploadRecords(ctx, uploads)).map((r) => r?.status);
  statusAfterUploads = await status();

  // Both steps of the chain for each uploaded item; the last approval completes the round.
  approvedThroughApi = [];
  await waitUntil(
    'both steps approve every uploaded item',
    async () => {
      await stack.settle(60_000);
      approvedThroughApi.push(...(await approvePending()));
      return approvedThroughApi.length === UPLOADED.length * round.approvalChain.length;
    },
    120_000,
  );
  const lastApproval = performance.now();
  // The sign-off is requested once the roll-up step has written the draft.
  // Asked once the state machine has come to rest (an in-process check), not
  // every 100 ms through the API: each asking is a function call that would
  // take the CPU from the roll-up it waits on.
  await waitUntil(
    'the agency head is asked to sign off',
    async () => {
      await stack.settle(240_000);
      const { approvals } = await briefRetry(() =>
        ctx.clientOf('agency-head').listApprovals(ctx.agencyId),
      );
      return approvals.some((approval) => approval.subject.kind === 'sign-off');
    },
    240_000,
  );
  const found = await readDraft();
  if (!found) throw new Error('the sign-off was requested without a draft');
  ({ report: draft, attempt: draftAttempt } = found);
  rollUpSeconds = (performance.now() - lastApproval) / 1000;
  // Printed, not asserted: timing belongs to the bench.
  console.info(
    `5,000-item roll-up: sign-off requested ${rollUpSeconds.toFixed(1)} s after the last approval`,
  );
}, 600_000);

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
    expect(statusAfterUploads.counts.approved).toBe(SEEDED.length);
    expect(statusAfterUploads.counts.missing).toBe(0);
  });

  it('takes each uploaded item through both steps of the chain, once each', () => {
    const expected = UPLOADED.flatMap((no) => round.approvalChain.map((role) => `${no} ${role}`));
    expect([...approvedThroughApi].sort()).toEqual([...expected].sort());
  });

  it('rolls up all 5,000 items, in plan order, into the first sign-off attempt', () => {
    expect(draftAttempt).toBe(1);
    expect(draft.items).toHaveLength(ROUND_ITEMS);
    expect(draft.items.map((item) => item.no)).toEqual(round.items.map((item) => item.no));
    expect(draft.period).toBe('FY');
  });

  it("counts every division's items, and each item's text is its plan item's submission", () => {
    const planned = new Map<string, number>();
    for (const item of round.items)
      planned.set(item.division, (planned.get(item.division) ?? 0) + 1);
    const rolled = new Map<string, number>();
    for (const item of draft.items) rolled.set(item.division, (rolled.get(item.division) ?? 0) + 1);
    expect(Object.fromEntries(rolled)).toEqual(Object.fromEntries(planned));
    expect(Object.fromEntries(draft.rollup.byDivision.map((d) => [d.division, d.items]))).toEqual(
      Object.fromEntries(planned),
    );
    // The seed's budgets are whole baht: the total is each one times its items' count.
    const total = round.items.reduce((sum, item) => {
      const budget = seed.submissions[(item.no - 1) % seed.submissions.length]?.budgetUsed;
      return budget === 'none' || budget === undefined ? sum : sum + BigInt(budget);
    }, 0n);
    expect(draft.rollup.budgetUsed).toBe(total.toString());
    // Six divisions share 5,000 items: 834 for the first two, 833 for the others.
    expect([...planned.values()].sort()).toEqual([833, 833, 833, 833, 834, 834]);
    for (const no of [1, 2, 2500, 4998, 4999, 5000]) {
      const item = draft.items[no - 1];
      const source = seed.submissions[(no - 1) % seed.submissions.length];
      expect(item?.title).toBe(round.items[no - 1]?.title);
      expect(item?.objectives).toEqual(source?.objectives);
      expect(item?.budgetUsed).toEqual(source?.budgetUsed);
    }
  });

  it('keeps where each item came from: the API uploads and the seeded versions alike', () => {
    expect(draft.items.every((item) => item.provenance?.version === 1)).toBe(true);
    expect(draft.items[4999]?.provenance?.submissionId).toBe(`${ctx.agencyId}/${roundId}/5000`);
    expect(new Set(draft.items.map((item) => item.provenance?.sha256)).size).toBeGreaterThan(1);
  });
});
