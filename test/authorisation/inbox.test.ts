/**
 * The inbox filter the list-approvals function applies to what the index
 * returns: an approval is listed only to someone who may decide it. Found by
 * the authorisation matrix: a director who had uploaded their own division's
 * items found them in their inbox, and was refused the moment they acted.
 */

import { describe, expect, it } from 'vitest';
import type { Approval } from '../../shared/workflow/approval.js';
import { inboxesOf, isInInbox } from '../../shared/workflow/authorisation.js';
import { type Caller, callerFromClaims } from '../../shared/workflow/caller.js';

const callerWith = (sub: string, groups: string[]): Caller => {
  const caller = callerFromClaims({ sub, 'cognito:groups': `[${groups.join(' ')}]` });
  if (!caller) throw new Error('no caller');
  return caller;
};

const itemApproval = (over: Partial<Approval> = {}): Approval => ({
  approvalId: 'opdc.2566-h1.1.v1.s0',
  agencyId: 'opdc',
  roundId: '2566-h1',
  subject: { kind: 'item', itemNo: 1, division: 'planning', version: 1, uploadedBy: 'staff' },
  step: 0,
  role: 'division-director',
  status: 'pending',
  phase: 'request',
  requestedAt: '2023-04-20T00:00:00Z',
  ...over,
});

describe('Authorisation: isInInbox', () => {
  const director = callerWith('director', [
    'opdc:division-director',
    'opdc:anti-corruption-centre',
    'opdc:division:planning',
  ]);
  const audiences = inboxesOf(director, 'opdc');

  it('lists an item of their division that someone else uploaded', () => {
    // Prepare
    const approval = itemApproval();

    // Act
    const listed = isInInbox(director, approval, audiences);

    // Assess
    expect(listed).toBe(true);
  });

  it.each([
    ['division-director', 0],
    ['anti-corruption-centre', 1],
  ] as const)('leaves out what they uploaded themselves, at the %s step', (role, step) => {
    // Prepare
    const approval = itemApproval({
      role,
      step,
      subject: {
        kind: 'item',
        itemNo: 1,
        division: 'planning',
        version: 1,
        uploadedBy: 'director',
      },
    });

    // Act
    const listed = isInInbox(director, approval, audiences);

    // Assess
    expect(listed).toBe(false);
  });

  it('leaves out what the index returned for an inbox they do not read', () => {
    // Prepare
    const approval = itemApproval({
      subject: { kind: 'item', itemNo: 2, division: 'legal', version: 1, uploadedBy: 'staff' },
    });

    // Act
    const listed = isInInbox(director, approval, audiences);

    // Assess
    expect(listed).toBe(false);
  });

  it("lists the agency head's sign-off only to the agency head", () => {
    // Prepare
    const signOff = itemApproval({
      approvalId: 'opdc.2566-h1.sign-off.a1',
      role: 'agency-head',
      subject: { kind: 'sign-off', attempt: 1 },
    });
    const head = callerWith('head', ['opdc:agency-head']);

    // Act
    const toHead = isInInbox(head, signOff, inboxesOf(head, 'opdc'));
    const toDirector = isInInbox(director, signOff, audiences);

    // Assess
    expect([toHead, toDirector]).toEqual([true, false]);
  });
});
