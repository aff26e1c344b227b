import { describe, expect, it } from 'vitest';
import type { Approval } from '../../shared/workflow/approval.js';
import {
  inboxesOf,
  mayDecide,
  mayOpenRound,
  mayReadRound,
  mayUpload,
} from '../../shared/workflow/authorisation.js';
import { callerFromClaims, readGroupsClaim } from '../../shared/workflow/caller.js';

const caller = (groups: string[], sub = 'sub-1') =>
  callerFromClaims({ sub, username: 'someone', 'cognito:groups': `[${groups.join(' ')}]` }) ??
  (() => {
    throw new Error('no caller');
  })();

const approval = (over: Partial<Approval> = {}): Approval => ({
  approvalId: 'opdc.2566-h1.3.v2.s0',
  agencyId: 'opdc',
  roundId: '2566-h1',
  subject: { kind: 'item', itemNo: 3, division: 'planning', version: 2, uploadedBy: 'uploader' },
  step: 0,
  role: 'division-director',
  status: 'pending',
  phase: 'request',
  requestedAt: '2023-04-20T00:00:00Z',
  ...over,
});

describe('Caller: groups claim', () => {
  it.each([
    ['[opdc:coordinator opdc:division:planning]', ['opdc:coordinator', 'opdc:division:planning']],
    [['opdc:coordinator'], ['opdc:coordinator']],
    ['opdc:coordinator', ['opdc:coordinator']],
    ['[]', []],
    [undefined, []],
  ])('reads %j as %j', (claim, groups) => {
    expect(readGroupsClaim(claim)).toEqual(groups);
  });

  it('ignores groups that are not an agency role or division', () => {
    const c = caller([
      'admins',
      'opdc:superuser',
      'OPDC:coordinator',
      'opdc:division:../x',
      'opdc:agency-head',
    ]);
    expect([...(c.roles.get('opdc') ?? [])]).toEqual(['agency-head']);
    expect(c.divisions.size).toBe(0);
  });

  it('names the caller by the name attribute, never by an e-mail address', () => {
    const named = callerFromClaims({
      sub: 's-1',
      email: 'preecha.w@opdc.go.th',
      'cognito:username': 'preecha.w@opdc.go.th',
      name: 'นายปรีชา วงศ์สุจริต',
      'custom:position': 'เลขาธิการ ก.พ.ร.',
    });
    expect(named).toMatchObject({ name: 'นายปรีชา วงศ์สุจริต', position: 'เลขาธิการ ก.พ.ร.' });
    const unnamed = callerFromClaims({
      sub: 's-2',
      email: 'suda@opdc.go.th',
      'cognito:username': 'suda@opdc.go.th',
    });
    expect(unnamed?.name).toBe('s-2');
    expect(unnamed?.position).toBeUndefined();
  });

  it('knows nobody without a sub', () => {
    expect(callerFromClaims({ 'cognito:groups': '[opdc:coordinator]' })).toBeUndefined();
  });
});

describe('Authorisation', () => {
  it('lets only the coordinator open a round, and only in their agency', () => {
    expect(mayOpenRound(caller(['opdc:coordinator']), 'opdc')).toBeUndefined();
    expect(mayOpenRound(caller(['moi:coordinator']), 'opdc')?.code).toBe('auth.notRole');
    expect(mayOpenRound(caller(['opdc:division:planning']), 'opdc')?.code).toBe('auth.notRole');
  });

  it('lets any member of the agency read its rounds', () => {
    expect(mayReadRound(caller(['opdc:division:planning']), 'opdc')).toBeUndefined();
    expect(mayReadRound(caller(['moi:division:planning']), 'opdc')?.code).toBe('auth.notMember');
  });

  it('lets a division upload its own items, and the coordinator any item', () => {
    const item = { no: 3, kind: 'project' as const, title: 'โครงการ', division: 'planning' };
    expect(mayUpload(caller(['opdc:division:planning']), 'opdc', item)).toBeUndefined();
    expect(mayUpload(caller(['opdc:coordinator']), 'opdc', item)).toBeUndefined();
    expect(mayUpload(caller(['opdc:division:finance']), 'opdc', item)?.code).toBe(
      'auth.notDivision',
    );
  });

  it('lets a division director decide for their own division only', () => {
    const director = ['opdc:division-director', 'opdc:division:planning'];
    expect(mayDecide(caller(director), approval())).toBeUndefined();
    expect(
      mayDecide(caller(['opdc:division-director', 'opdc:division:finance']), approval())?.code,
    ).toBe('auth.notDivision');
  });

  it('never lets the uploader approve their own submission', () => {
    const director = ['opdc:division-director', 'opdc:division:planning'];
    expect(mayDecide(caller(director, 'uploader'), approval())?.code).toBe('auth.ownSubmission');
  });

  it('needs the step role itself: a coordinator cannot approve for the anti-corruption centre', () => {
    const step = approval({ role: 'anti-corruption-centre', step: 1 });
    expect(mayDecide(caller(['opdc:coordinator']), step)?.code).toBe('auth.notRole');
    expect(mayDecide(caller(['opdc:anti-corruption-centre']), step)).toBeUndefined();
  });

  it('gives a director one inbox per division and other roles one each', () => {
    const c = caller([
      'opdc:division-director',
      'opdc:division:planning',
      'opdc:division:finance',
      'opdc:agency-head',
      'opdc:coordinator',
    ]);
    expect(inboxesOf(c, 'opdc')).toEqual([
      { agencyId: 'opdc', role: 'agency-head' },
      { agencyId: 'opdc', role: 'division-director', division: 'planning' },
      { agencyId: 'opdc', role: 'division-director', division: 'finance' },
    ]);
  });
});
