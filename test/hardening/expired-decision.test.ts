/**
 * A decision on an approval whose waiting step has expired: the request,
 * the reminder and the escalation all timed out (days scaled to
 * milliseconds), so the token the step waited with is dead. The approver
 * gets a clear answer and nothing moves.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChaosContext,
  chaosContext,
  postUploads,
  requestUploads,
  waitUntil,
} from '../../local/chaos/chaos-context.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import { readSeedPlan, syntheticRound } from '../../local/synthetic-round.js';
import { ApiError, type ApprovalView } from '../../shared/adapters/acm-api-client.js';
import type { Notice } from '../../shared/workflow/approval-notice.js';

let stack: LocalStack;
let ctx: ChaosContext;
let roundId: string;
let approval: ApprovalView;
const notices: Notice[] = [];

const progressOf = async (itemNo: number) => {
  const status = (await ctx.clientOf('coordinator').roundStatus(ctx.agencyId, roundId)) as {
    items: Array<{ no: number; progress: string }>;
  };
  return status.items.find((item) => item.no === itemNo)?.progress;
};

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const seed = await readSeedPlan();
  stack = await startLocalStack({
    agencyId: seed.round.agency.id,
    divisions: seed.round.items.map((item) => item.division),
    // 21 days of request, reminder and escalation in about two seconds.
    timeScale: 1e-6,
    onNotice: (notice) => notices.push(notice),
  });
  ctx = chaosContext(stack, seed, () => {});
  const round = syntheticRound(seed, 1, { period: 'FY' });
  roundId = (await ctx.clientOf('coordinator').openRound(ctx.agencyId, round)).roundId;
  await postUploads(ctx, round, await requestUploads(ctx, roundId, [1]));
  // The director reads the inbox in time, but decides too late.
  await waitUntil('the director is asked', async () => {
    const { approvals } = await ctx.clientOf('director-1').listApprovals(ctx.agencyId);
    const found = approvals.find((a) => a.subject.kind === 'item' && a.subject.itemNo === 1);
    if (found) approval = found;
    return found !== undefined;
  });
  await waitUntil('the step expires', async () => (await progressOf(1)) === 'expired', 30_000);
  await stack.settle();
}, 90_000);

afterAll(async () => {
  await stack?.close();
});

describe('A decision after the step expired', () => {
  it('was reminded and escalated to the coordinator before it expired', () => {
    const kinds = notices.filter((n) => n.itemNo === 1).map((n) => n.kind);
    expect(kinds).toContain('approval-reminder');
    expect(kinds).toContain('approval-escalated');
  });

  it('answers 409 with the reason in Thai and English', async () => {
    const refused = await ctx
      .clientOf('director-1')
      .decide(approval.approvalId, 'approve')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(409);
    const [problem] = (refused as ApiError).problems;
    expect(problem?.code).toBe('approval.alreadyDecided');
    expect(problem?.message.en).toContain('expired');
    expect(problem?.message.th).toBeTruthy();
  });

  it('moves nothing: the item stays expired and no later step is asked', async () => {
    await stack.settle();
    expect(await progressOf(1)).toBe('expired');
    expect(
      notices.filter((n) => n.itemNo === 1 && n.role === 'anti-corruption-centre'),
    ).toHaveLength(0);
    expect(stack.stepFunctions.executions().filter((e) => e.status === 'RUNNING')).toHaveLength(0);
  });
});
