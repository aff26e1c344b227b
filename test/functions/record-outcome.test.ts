/**
 * record-outcome through middy on the embedded services: how a walk through
 * the approval chain (or a sign-off) ended, written to the version, the item
 * and the round, and who is told (the approvals queue on fauxqs). Each case
 * has a round of its own; what the conditional writes guarantee is pinned by
 * the repository contract suite (test/repositories).
 */

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Approval } from '../../shared/workflow/approval.js';
import { audienceOf } from '../../shared/workflow/approval.js';
import type { SignOff } from '../../shared/workflow/round-record.js';
import type { SettleResult } from '../../shared/workflow/settle-outcome.js';
import type { SubmissionVersion } from '../../shared/workflow/submission-version.js';
import { seedRound } from '../helpers/seed-round.js';
import { itemOutcomeTask, SIGN_OFF, signOffDecision, submissionRef } from './derived-events.js';
import { type HandlerServices, startHandlerServices } from './handler-services.js';
import { lambdaContext } from './lambda-context.js';

let recordOutcome: (
  event: unknown,
  context: ReturnType<typeof lambdaContext>,
) => Promise<SettleResult>;
let stack: HandlerServices;

beforeAll(async () => {
  stack = await startHandlerServices();
  recordOutcome = (await import('../../functions/record-outcome/handler.js')).handler as never;
});
// Closing three emulators can take a while on a loaded machine.
afterAll(() => stack?.close(), 60_000);

const NOW = new Date('2023-04-28T09:30:00.000Z');
const AT = '2023-04-20T00:00:00.000Z';
let rounds = 0;
let roundId: string;
beforeEach(async () => {
  // Notices of an earlier case must not count for this one.
  while ((await stack.receiveNotices()).length > 0);
  rounds += 1;
  roundId = `25${String(rounds).padStart(2, '0')}-h1`;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

const versionOf = (itemNo: number, version = 1): SubmissionVersion => ({
  agencyId: 'opdc',
  roundId,
  itemNo,
  division: `division-placeholder-0${itemNo}`,
  version,
  source: {
    uploadId: `u${itemNo}`,
    key: 'k',
    etag: 'e',
    sha256: 'a'.repeat(64),
    format: 'json',
    size: 1,
  },
  documentKey: `submissions/${itemNo}/${version}.json`,
  uploadedBy: submissionRef().uploadedBy,
  uploadedAt: AT,
  status: 'awaiting-approval',
});

/** The round with `approvedItems` approved and item 1's version 1 waiting on its last step. */
async function givenRound(approvedItems: number[], signOff?: SignOff) {
  await stack.rounds.openRound({
    agencyId: 'opdc',
    roundId,
    round: seedRound(),
    openedBy: '3c9a1f0e-8d2b-4b6a-9f3e-6a1d2c3b4e5f',
    openedAt: '2023-04-01T02:00:00.000Z',
  });
  for (const no of new Set([1, ...approvedItems])) {
    await stack.submissions.putVersion(versionOf(no));
    await stack.rounds.advanceCurrent(versionOf(no), 'division-director', AT);
    if (no !== 1) await stack.rounds.setItemStatus(versionOf(no), 'approved', AT);
  }
  if (signOff) {
    await stack.rounds.claimSignOff('opdc', roundId, { ...signOff, state: 'requested' });
    await stack.rounds.settleSignOff('opdc', roundId, signOff);
  }
}
const taskFor = (outcome: 'approved' | 'returned' | 'expired') => {
  const task = itemOutcomeTask(outcome);
  return { ...task, submission: { ...task.submission, roundId } };
};
const itemState = async (no: number) =>
  (await stack.rounds.getRoundWithItems('opdc', roundId))?.items.find((s) => s.itemNo === no);

describe('Function: record-outcome, an approved version', () => {
  it('approves the version and the item, and claims the sign-off when it completes the round', async () => {
    // Prepare
    await givenRound([1, 2, 3, 4, 5, 6]);

    // Act
    const result = await recordOutcome(taskFor('approved'), lambdaContext());

    // Assess
    expect(result).toEqual({
      roundReady: true,
      signOff: { agencyId: 'opdc', roundId, attempt: 1 },
    });
    expect((await stack.submissions.getVersion(versionOf(1)))?.status).toBe('approved');
    expect(await itemState(1)).toMatchObject({
      status: 'approved',
      approvedVersion: 1,
      updatedAt: NOW.toISOString(),
    });
    expect((await stack.rounds.getRoundHeader('opdc', roundId))?.signOff).toEqual({
      state: 'requested',
      attempt: 1,
      at: NOW.toISOString(),
    });
    expect(await stack.receiveNotices()).toEqual([]);
  });

  it('leaves the round alone while other plan items are still waiting', async () => {
    await givenRound([1, 2, 3]);
    const result = await recordOutcome(taskFor('approved'), lambdaContext());
    expect(result).toEqual({ roundReady: false });
    expect((await stack.rounds.getRoundHeader('opdc', roundId))?.signOff).toBeUndefined();
  });

  it('completes nothing when a newer version has replaced the approved one', async () => {
    await givenRound([1, 2, 3, 4, 5, 6]);
    await stack.rounds.advanceCurrent(versionOf(1, 2), 'division-director', AT);
    stack.dynamoRequests.clear();
    const result = await recordOutcome(taskFor('approved'), lambdaContext());
    expect(result).toEqual({ roundReady: false });
    expect(await itemState(1)).toMatchObject({ currentVersion: 2, status: 'awaiting-approval' });
    expect(await itemState(1)).not.toHaveProperty('approvedVersion');
    // The round is not even read: nothing completes.
    expect(stack.dynamoRequests.operations()).not.toContain('Query');
  });

  it('lets only one of two executions that complete the round at once request the sign-off', async () => {
    await givenRound([1, 2, 3, 4, 5, 6]);
    const results = await Promise.all([
      recordOutcome(taskFor('approved'), lambdaContext()),
      recordOutcome(taskFor('approved'), lambdaContext()),
    ]);
    expect(results.filter((r) => r.roundReady)).toHaveLength(1);
  });

  it('asks for the sign-off again as attempt 2 after the agency head returned the first', async () => {
    await givenRound([1, 2, 3, 4, 5, 6], { state: 'returned', attempt: 1, at: '2023-04-25Z' });
    const result = await recordOutcome(taskFor('approved'), lambdaContext());
    expect(result).toEqual({ roundReady: true, signOff: { ...SIGN_OFF, roundId, attempt: 2 } });
    expect((await stack.rounds.getRoundHeader('opdc', roundId))?.signOff).toMatchObject({
      state: 'requested',
      attempt: 2,
    });
  });
});

describe('Function: record-outcome, a returned or expired version', () => {
  const approval = (step: number, fields: Partial<Approval>): Approval => ({
    approvalId: `opdc.${roundId}.1.v1.s${step}`,
    agencyId: 'opdc',
    roundId,
    subject: { kind: 'item', ...submissionRef() },
    step,
    role: step === 0 ? 'division-director' : 'anti-corruption-centre',
    status: 'pending',
    phase: 'request',
    requestedAt: '2023-04-21T00:00:00.000Z',
    ...fields,
  });
  async function stored(...approvals: Approval[]) {
    for (const a of approvals) {
      await stack.approvals.recordPending({ ...a, status: 'pending' }, `token-${a.step}`);
      if (a.status !== 'pending') await stack.approvals.settle(a);
    }
  }

  it("tells the division and the coordinator why it came back, in the approver's words", async () => {
    // Prepare
    await givenRound([]);
    await stored(
      approval(0, { status: 'approved', decidedBy: 'd-1', decidedAt: '2023-04-22Z' }),
      approval(1, {
        status: 'returned',
        decidedBy: 'acc-1',
        decidedAt: '2023-04-23Z',
        comment: 'ขอเอกสารประกอบเพิ่มเติม',
      }),
    );

    // Act
    const result = await recordOutcome(taskFor('returned'), lambdaContext());

    // Assess
    expect(result).toEqual({ roundReady: false });
    expect((await stack.submissions.getVersion(versionOf(1)))?.status).toBe('returned');
    expect((await itemState(1))?.status).toBe('returned');
    expect(await stack.receiveNotices()).toEqual([
      {
        kind: 'returned',
        agencyId: 'opdc',
        roundId,
        groups: ['opdc:division:division-placeholder-01'],
        itemNo: 1,
        version: 1,
        comment: 'ขอเอกสารประกอบเพิ่มเติม',
        sentAt: NOW.toISOString(),
      },
    ]);
  });

  it('expires the step still waiting, so it drops out of the inbox, and says so', async () => {
    await givenRound([]);
    const waiting = approval(1, { phase: 'escalation' });
    await stored(approval(0, { status: 'approved', decidedBy: 'd-1', decidedAt: AT }), waiting);
    await recordOutcome(taskFor('expired'), lambdaContext());
    expect((await stack.approvals.get('opdc', waiting.approvalId))?.approval.status).toBe(
      'expired',
    );
    expect(await stack.approvals.listInbox(audienceOf(waiting), 10)).toEqual([]);
    expect(await stack.receiveNotices()).toMatchObject([{ kind: 'expired', itemNo: 1 }]);
  });
});

describe('Function: record-outcome, the sign-off', () => {
  it("records the agency head's return and tells the coordinator why", async () => {
    await givenRound([1, 2, 3, 4, 5, 6]);
    await stack.rounds.claimSignOff('opdc', roundId, { state: 'requested', attempt: 1, at: AT });
    const task = {
      kind: 'sign-off',
      outcome: 'returned',
      signOff: { ...SIGN_OFF, roundId },
      decision: signOffDecision('returned', 'แก้ไขสรุปงบประมาณ'),
    };
    const result = await recordOutcome(task, lambdaContext());
    expect(result).toEqual({ roundReady: false });
    expect((await stack.rounds.getRoundHeader('opdc', roundId))?.signOff).toEqual({
      state: 'returned',
      attempt: 1,
      at: NOW.toISOString(),
      by: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
      byName: 'นายปรีชา วงศ์สุจริต',
      byPosition: 'หัวหน้าส่วนราชการ',
    });
    expect(await stack.receiveNotices()).toMatchObject([
      {
        kind: 'returned',
        groups: ['opdc:coordinator'],
        role: 'agency-head',
        comment: 'แก้ไขสรุปงบประมาณ',
      },
    ]);
  });
});

describe('Function: record-outcome, a payload the state machine never sends', () => {
  it('fails loudly rather than guess, and writes nothing', async () => {
    await givenRound([1, 2, 3, 4, 5, 6]);
    stack.dynamoRequests.clear();
    const task = { kind: 'sign-off', outcome: 'approved', signOff: { ...SIGN_OFF, roundId } };
    await expect(recordOutcome(task, lambdaContext())).rejects.toThrow();
    const writes = stack.dynamoRequests
      .operations()
      .filter((op) => ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'].includes(op));
    expect(writes).toEqual([]);
    expect(await stack.receiveNotices()).toEqual([]);
  });
});
