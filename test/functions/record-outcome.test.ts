/**
 * record-outcome through middy: how a walk through the approval chain (or a
 * sign-off) ended, written to the version, the item and the round, and who
 * is told. No emulator is wired in this test: the AWS clients are mocked at
 * Client.prototype.send (./aws-mock.ts); the handler, middy, Powertools and
 * the domain run for real.
 */

import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { BatchGetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Approval } from '../../shared/workflow/approval.js';
import type { SettleResult } from '../../shared/workflow/settle-outcome.js';
import { seedRound } from '../helpers/seed-round.js';
import { type AwsMock, awsError, mockAws } from './aws-mock.js';
import { itemOutcomeTask, SIGN_OFF, signOffDecision, submissionRef } from './derived-events.js';
import { lambdaContext, setHandlerEnvironment } from './lambda-context.js';

setHandlerEnvironment();
let recordOutcome: (
  event: unknown,
  context: ReturnType<typeof lambdaContext>,
) => Promise<SettleResult>;

beforeAll(async () => {
  recordOutcome = (await import('../../functions/record-outcome/handler.js')).handler as never;
});

const NOW = new Date('2023-04-28T09:30:00.000Z');
let aws: AwsMock;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  aws = mockAws()
    .on(UpdateCommand, () => ({}))
    .on(SendMessageCommand, () => ({ MessageId: 'm-1' }));
});
afterEach(() => {
  aws.restore();
  vi.useRealTimers();
});

const ROUND_PK = 'ROUND#opdc#2566-h1';
/** The round partition as one Query returns it: the round, then each item's state. */
function roundPartition(approvedItems: number[], signOff?: Record<string, unknown>) {
  return {
    Items: [
      {
        pk: ROUND_PK,
        sk: 'ROUND',
        agencyId: 'opdc',
        roundId: '2566-h1',
        round: seedRound(),
        openedBy: '3c9a1f0e-8d2b-4b6a-9f3e-6a1d2c3b4e5f',
        openedAt: '2023-04-01T02:00:00.000Z',
        ...(signOff ? { signOff } : {}),
      },
      ...approvedItems.map((no) => ({
        pk: ROUND_PK,
        sk: `ITEM#000${no}`,
        itemNo: no,
        division: `division-placeholder-0${no}`,
        currentVersion: 1,
        approvedVersion: 1,
        status: 'approved',
        updatedAt: '2023-04-20T00:00:00.000Z',
      })),
    ],
  };
}
const updatesOf = (mock: AwsMock) =>
  mock.calls(UpdateCommand).map((u) => `${u.Key?.pk} ${u.Key?.sk}`);
const notices = (mock: AwsMock) =>
  mock.calls(SendMessageCommand).map((m) => JSON.parse(String(m.MessageBody)));

describe('Function: record-outcome, an approved version', () => {
  it('approves the version and the item, and claims the sign-off when it completes the round', async () => {
    // Prepare
    aws.on(QueryCommand, () => roundPartition([1, 2, 3, 4, 5, 6]));

    // Act
    const result = await recordOutcome(itemOutcomeTask('approved'), lambdaContext());

    // Assess
    expect(result).toEqual({
      roundReady: true,
      signOff: { agencyId: 'opdc', roundId: '2566-h1', attempt: 1 },
    });
    expect(updatesOf(aws)).toEqual([
      'SUBMISSION#opdc#2566-h1#1 V#000001',
      `${ROUND_PK} ITEM#0001`,
      `${ROUND_PK} ROUND`,
    ]);
    const [version, item, claim] = aws.calls(UpdateCommand);
    expect(version?.ExpressionAttributeValues).toMatchObject({ ':status': 'approved' });
    // Only while this version is still the item's current one.
    expect(item).toMatchObject({
      ConditionExpression: 'currentVersion = :v',
      ExpressionAttributeValues: { ':v': 1, ':status': 'approved', ':at': NOW.toISOString() },
    });
    expect(claim).toMatchObject({
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(signOff)',
      ExpressionAttributeValues: { ':next': { state: 'requested', attempt: 1 } },
    });
    expect(aws.calls(QueryCommand)[0]).toMatchObject({ ConsistentRead: true });
    expect(aws.calls(SendMessageCommand)).toEqual([]);
  });

  it('leaves the round alone while other plan items are still waiting', async () => {
    aws.on(QueryCommand, () => roundPartition([1, 2, 3]));
    const result = await recordOutcome(itemOutcomeTask('approved'), lambdaContext());
    expect(result).toEqual({ roundReady: false });
    expect(updatesOf(aws)).not.toContain(`${ROUND_PK} ROUND`);
  });

  it('completes nothing when a newer version has replaced the approved one', async () => {
    aws.on(UpdateCommand, (input) => {
      if (String(input.Key?.sk).startsWith('ITEM#')) {
        throw awsError('ConditionalCheckFailedException');
      }
      return {};
    });
    const result = await recordOutcome(itemOutcomeTask('approved'), lambdaContext());
    expect(result).toEqual({ roundReady: false });
    expect(aws.calls(QueryCommand)).toEqual([]);
  });

  it('lets only one of two executions that complete the round at once request the sign-off', async () => {
    aws.on(QueryCommand, () => roundPartition([1, 2, 3, 4, 5, 6]));
    aws.on(UpdateCommand, (input) => {
      if (input.Key?.sk === 'ROUND') throw awsError('ConditionalCheckFailedException');
      return {};
    });
    const result = await recordOutcome(itemOutcomeTask('approved'), lambdaContext());
    expect(result).toEqual({ roundReady: false });
  });

  it('asks for the sign-off again as attempt 2 after the agency head returned the first', async () => {
    aws.on(QueryCommand, () =>
      roundPartition([1, 2, 3, 4, 5, 6], { state: 'returned', attempt: 1, at: '2023-04-25Z' }),
    );
    const result = await recordOutcome(itemOutcomeTask('approved'), lambdaContext());
    expect(result).toEqual({ roundReady: true, signOff: { ...SIGN_OFF, attempt: 2 } });
    expect(aws.calls(UpdateCommand).at(-1)).toMatchObject({
      ConditionExpression:
        'signOff.attempt = :previous AND signOff.#state IN (:returned, :expired)',
    });
  });
});

describe('Function: record-outcome, a returned or expired version', () => {
  const approval = (step: number, fields: Partial<Approval>): Approval => ({
    approvalId: `opdc.2566-h1.1.v1.s${step}`,
    agencyId: 'opdc',
    roundId: '2566-h1',
    subject: { kind: 'item', ...submissionRef() },
    step,
    role: step === 0 ? 'division-director' : 'anti-corruption-centre',
    status: 'pending',
    phase: 'request',
    requestedAt: '2023-04-21T00:00:00.000Z',
    ...fields,
  });
  const stored = (...approvals: Approval[]) => ({
    Responses: {
      'acm-report-test': approvals.map((a) => ({ pk: `APPROVAL#opdc#${a.approvalId}`, ...a })),
    },
  });

  it("tells the division and the coordinator why it came back, in the approver's words", async () => {
    // Prepare
    aws.on(BatchGetCommand, () =>
      stored(
        approval(0, { status: 'approved', decidedBy: 'd-1', decidedAt: '2023-04-22Z' }),
        approval(1, { status: 'returned', comment: 'ขอเอกสารประกอบเพิ่มเติม' }),
      ),
    );

    // Act
    const result = await recordOutcome(itemOutcomeTask('returned'), lambdaContext());

    // Assess
    expect(result).toEqual({ roundReady: false });
    expect(aws.calls(BatchGetCommand)[0]?.RequestItems?.['acm-report-test']?.Keys).toEqual([
      { pk: 'APPROVAL#opdc#opdc.2566-h1.1.v1.s0', sk: 'APPROVAL' },
      { pk: 'APPROVAL#opdc#opdc.2566-h1.1.v1.s1', sk: 'APPROVAL' },
    ]);
    expect(aws.calls(UpdateCommand).map((u) => u.ExpressionAttributeValues?.[':status'])).toEqual([
      'returned',
      'returned',
    ]);
    expect(aws.calls(SendMessageCommand)[0]?.QueueUrl).toBe(process.env.APPROVALS_QUEUE_URL);
    expect(notices(aws)).toEqual([
      {
        kind: 'returned',
        agencyId: 'opdc',
        roundId: '2566-h1',
        groups: ['opdc:division:division-placeholder-01'],
        itemNo: 1,
        version: 1,
        comment: 'ขอเอกสารประกอบเพิ่มเติม',
        sentAt: NOW.toISOString(),
      },
    ]);
  });

  it('expires the step still waiting, so it drops out of the inbox, and says so', async () => {
    aws.on(BatchGetCommand, () =>
      stored(approval(0, { status: 'approved' }), approval(1, { phase: 'escalation' })),
    );
    await recordOutcome(itemOutcomeTask('expired'), lambdaContext());
    const expired = aws.calls(UpdateCommand).find((u) => String(u.Key?.pk).startsWith('APPROVAL#'));
    expect(expired).toMatchObject({
      Key: { pk: 'APPROVAL#opdc#opdc.2566-h1.1.v1.s1' },
      ConditionExpression: '#status = :pending',
      UpdateExpression: expect.stringContaining('REMOVE gsi1pk, gsi1sk'),
      ExpressionAttributeValues: { ':status': 'expired' },
    });
    expect(notices(aws)).toMatchObject([{ kind: 'expired', itemNo: 1 }]);
  });
});

describe('Function: record-outcome, the sign-off', () => {
  it("records the agency head's return and tells the coordinator why", async () => {
    aws.on(BatchGetCommand, () => ({ Responses: { 'acm-report-test': [] } }));
    const task = {
      kind: 'sign-off',
      outcome: 'returned',
      signOff: SIGN_OFF,
      decision: signOffDecision('returned', 'แก้ไขสรุปงบประมาณ'),
    };
    const result = await recordOutcome(task, lambdaContext());
    expect(result).toEqual({ roundReady: false });
    expect(aws.calls(UpdateCommand)).toEqual([
      expect.objectContaining({
        Key: { pk: ROUND_PK, sk: 'ROUND' },
        ConditionExpression: 'signOff.attempt = :attempt',
        ExpressionAttributeValues: {
          ':attempt': 1,
          ':signOff': {
            state: 'returned',
            attempt: 1,
            at: NOW.toISOString(),
            by: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
            byName: 'นายปรีชา วงศ์สุจริต',
            byPosition: 'หัวหน้าส่วนราชการ',
          },
        },
      }),
    ]);
    expect(notices(aws)).toMatchObject([
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
    const task = { kind: 'sign-off', outcome: 'approved', signOff: SIGN_OFF };
    await expect(recordOutcome(task, lambdaContext())).rejects.toThrow();
    expect(aws.calls(UpdateCommand)).toEqual([]);
    expect(aws.calls(SendMessageCommand)).toEqual([]);
  });
});
