import { describe, expect, it } from 'vitest';
import type { Approval } from '../../shared/workflow/approval.js';
import { isApprovalId } from '../../shared/workflow/approval.js';
import { planDecision, readDecisionRequest } from '../../shared/workflow/approval-decision.js';
import { callerFromClaims } from '../../shared/workflow/caller.js';

const director = callerFromClaims({
  sub: 'director',
  username: 'anan',
  'cognito:groups': '[opdc:division-director opdc:division:planning]',
});
if (!director) throw new Error('no caller');

const pending: Approval = {
  approvalId: 'opdc.2566-h1.3.v2.s0',
  agencyId: 'opdc',
  roundId: '2566-h1',
  subject: { kind: 'item', itemNo: 3, division: 'planning', version: 2, uploadedBy: 'uploader' },
  step: 0,
  role: 'division-director',
  status: 'pending',
  phase: 'reminder',
  requestedAt: '2023-04-20T00:00:00Z',
};
const now = new Date('2023-04-22T02:00:00Z');

describe('Decision request', () => {
  it('needs a comment to return', () => {
    const read = readDecisionRequest({ decision: 'return' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]?.code).toBe('approval.commentRequired');
  });

  it('normalises the comment to one line', () => {
    const read = readDecisionRequest({ decision: 'return', comment: 'แก้ไขงบประมาณ\nให้ตรงกับ สงป.' });
    expect(read).toMatchObject({ ok: true, value: { comment: 'แก้ไขงบประมาณ ให้ตรงกับ สงป.' } });
  });

  it('refuses unknown fields and decisions', () => {
    expect(readDecisionRequest({ decision: 'maybe' }).ok).toBe(false);
    expect(readDecisionRequest({ decision: 'approve', taskToken: 'x' }).ok).toBe(false);
  });
});

describe('Planning a decision', () => {
  it('records a decision on a pending approval', () => {
    const plan = planDecision(pending, director, { decision: 'approve' }, now);
    expect(plan).toMatchObject({
      kind: 'record',
      decided: { status: 'approved', decidedBy: 'director', decidedAt: '2023-04-22T02:00:00.000Z' },
      output: {
        decision: 'approved',
        approvalId: pending.approvalId,
        by: 'director',
        byName: 'anan',
      },
    });
  });

  it('repeats the same decision by the same person without recording it again', () => {
    const decided = {
      ...pending,
      status: 'approved' as const,
      decidedBy: 'director',
      decidedAt: 'x',
    };
    expect(planDecision(decided, director, { decision: 'approve' }, now).kind).toBe('repeat');
  });

  it('refuses to change a decision once made', () => {
    const decided = {
      ...pending,
      status: 'approved' as const,
      decidedBy: 'director',
      decidedAt: 'x',
    };
    const plan = planDecision(decided, director, { decision: 'return', comment: 'no' }, now);
    expect(plan).toMatchObject({ kind: 'conflict', problem: { code: 'approval.alreadyDecided' } });
  });

  it('refuses a decision on an expired approval', () => {
    const expired = { ...pending, status: 'expired' as const };
    expect(planDecision(expired, director, { decision: 'approve' }, now).kind).toBe('conflict');
  });

  const signOff: Approval = {
    ...pending,
    approvalId: 'opdc.2566-h1.sign-off.a1',
    subject: { kind: 'sign-off', attempt: 1 },
    step: 0,
    role: 'agency-head',
  };
  const head = (claims: Record<string, string>) =>
    callerFromClaims({ sub: 'head', 'cognito:groups': '[opdc:agency-head]', ...claims });

  it("carries the head's name and position into the sign-off's output", () => {
    const caller = head({ name: 'นายปรีชา วงศ์สุจริต', 'custom:position': 'เลขาธิการ ก.พ.ร.' });
    if (!caller) throw new Error('no caller');
    const plan = planDecision(signOff, caller, { decision: 'approve' }, now);
    expect(plan).toMatchObject({
      kind: 'record',
      decided: { decidedByName: 'นายปรีชา วงศ์สุจริต', decidedByPosition: 'เลขาธิการ ก.พ.ร.' },
      output: { by: 'head', byName: 'นายปรีชา วงศ์สุจริต', byPosition: 'เลขาธิการ ก.พ.ร.' },
    });
  });

  it.each([
    ['no position', { name: 'นายปรีชา วงศ์สุจริต' }],
    ['no name', { 'custom:position': 'เลขาธิการ ก.พ.ร.', email: 'head@opdc.go.th' }],
  ])('refuses a sign-off by a head with %s: the report could not print it', (_, claims) => {
    const caller = head(claims);
    if (!caller) throw new Error('no caller');
    const plan = planDecision(signOff, caller, { decision: 'approve' }, now);
    expect(plan).toMatchObject({
      kind: 'conflict',
      problem: { code: 'signOff.profileIncomplete' },
    });
    // Returning the report needs no printed name.
    const back = planDecision(signOff, caller, { decision: 'return', comment: 'แก้ไข' }, now);
    expect(back.kind).toBe('record');
  });

  it.each([
    ['opdc.2566-h1.3.v2.s0', true],
    ['opdc.2566-fy.sign-off.a1', true],
    ['opdc.2566-h1.3.v2', false],
    ['../opdc.2566-h1.3.v2.s0', false],
  ])('treats %s as an approval id: %s', (id, valid) => {
    expect(isApprovalId(id)).toBe(valid);
  });
});
