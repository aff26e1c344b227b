/**
 * Who may do what. Each rule returns undefined when the caller may go ahead,
 * or the problem to show them (403) when they may not.
 */

import type { PlanItemValue } from '../schemas/round-schema.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import type { Approval, Audience } from './approval.js';
import { audienceOf } from './approval.js';
import { belongsToAgency, belongsToDivision, type Caller, holdsRole } from './caller.js';
import { divisionGroupName, roleGroupName, STAFF_ROLES, type StaffRole } from './roles.js';
import { workflowProblem } from './workflow-messages.js';

export type Denial = ValidationProblem | undefined;

function needRole(caller: Caller, agencyId: string, role: StaffRole): Denial {
  if (holdsRole(caller, agencyId, role)) return undefined;
  return workflowProblem('auth.notRole', '$', {
    role,
    agencyId,
    group: roleGroupName(agencyId, role),
  });
}

export function mayOpenRound(caller: Caller, agencyId: string): Denial {
  return needRole(caller, agencyId, 'coordinator');
}

/** Anyone in the agency may read its rounds and their status. */
export function mayReadRound(caller: Caller, agencyId: string): Denial {
  if (belongsToAgency(caller, agencyId)) return undefined;
  return workflowProblem('auth.notMember', '$', { agencyId });
}

/**
 * A division reports on its own items; the coordinator may upload on a
 * division's behalf (a Word file e-mailed in, as today).
 */
export function mayUpload(caller: Caller, agencyId: string, item: PlanItemValue): Denial {
  if (holdsRole(caller, agencyId, 'coordinator')) return undefined;
  if (belongsToDivision(caller, agencyId, item.division)) return undefined;
  return workflowProblem('auth.notDivision', '$', {
    division: item.division,
    group: divisionGroupName(agencyId, item.division),
  });
}

/** The caller may read an upload's result if they could have made it. */
export function mayReadUpload(
  caller: Caller,
  agencyId: string,
  upload: { division: string; uploadedBy: string },
): Denial {
  if (caller.sub === upload.uploadedBy) return undefined;
  if (holdsRole(caller, agencyId, 'coordinator')) return undefined;
  if (belongsToDivision(caller, agencyId, upload.division)) return undefined;
  return workflowProblem('auth.notDivision', '$', {
    division: upload.division,
    group: divisionGroupName(agencyId, upload.division),
  });
}

/**
 * The approver holds the step's role; a division director decides only for
 * their own division; nobody approves what they uploaded themselves.
 */
export function mayDecide(caller: Caller, approval: Approval): Denial {
  const denied = needRole(caller, approval.agencyId, approval.role);
  if (denied) return denied;
  const { subject } = approval;
  if (subject.kind !== 'item') return undefined;
  if (
    approval.role === 'division-director' &&
    !belongsToDivision(caller, approval.agencyId, subject.division)
  ) {
    return workflowProblem('auth.notDivision', '$', {
      division: subject.division,
      group: divisionGroupName(approval.agencyId, subject.division),
    });
  }
  if (subject.uploadedBy === caller.sub) {
    return workflowProblem('auth.ownSubmission', '$', { role: approval.role });
  }
  return undefined;
}

/** Roles that oversee the whole round rather than one division's part of it. */
const OVERSEERS: readonly StaffRole[] = [
  'coordinator',
  'agency-head',
  'anti-corruption-centre',
  'internal-audit',
];

function oversees(caller: Caller, agencyId: string): boolean {
  return OVERSEERS.some((role) => holdsRole(caller, agencyId, role));
}

/**
 * A plan item's history and submitted content: its own division (staff and
 * director) and those who oversee the round. Another division's staff or
 * director may not read it.
 */
export function mayReadItem(caller: Caller, agencyId: string, division: string): Denial {
  if (belongsToDivision(caller, agencyId, division)) return undefined;
  if (oversees(caller, agencyId)) return undefined;
  return workflowProblem('auth.notDivision', '$', {
    division,
    group: divisionGroupName(agencyId, division),
  });
}

/** The rolled-up draft the agency head signs off: the overseers only, not the divisions. */
export function mayReadDraft(caller: Caller, agencyId: string): Denial {
  if (oversees(caller, agencyId)) return undefined;
  return needRole(caller, agencyId, 'agency-head');
}

/** Reminding divisions and approvers is the coordinator's job. */
export function mayRemind(caller: Caller, agencyId: string): Denial {
  return needRole(caller, agencyId, 'coordinator');
}

/** The inboxes a caller may read in an agency: one per role held, per division for a director. */
export function inboxesOf(caller: Caller, agencyId: string): Audience[] {
  const roles = caller.roles.get(agencyId) ?? new Set<StaffRole>();
  const audiences: Audience[] = [];
  for (const role of STAFF_ROLES) {
    if (!roles.has(role) || role === 'coordinator') continue;
    if (role === 'division-director') {
      for (const division of caller.divisions.get(agencyId) ?? []) {
        audiences.push({ agencyId, role, division });
      }
    } else {
      audiences.push({ agencyId, role });
    }
  }
  return audiences;
}

/** Whether an approval belongs in one of the given inboxes (a defence against a loose index query). */
export function isInAudience(approval: Approval, audiences: readonly Audience[]): boolean {
  const own = audienceOf(approval);
  return audiences.some(
    (a) => a.agencyId === own.agencyId && a.role === own.role && a.division === own.division,
  );
}

/**
 * Whether a pending approval belongs in the caller's inbox: it is in one of
 * their inboxes and they may decide it. A director who uploaded their own
 * division's item follows it through its status; listed as work, it would be
 * work they are refused (auth.ownSubmission) the moment they act on it.
 */
export function isInInbox(
  caller: Caller,
  approval: Approval,
  audiences: readonly Audience[],
): boolean {
  return isInAudience(approval, audiences) && mayDecide(caller, approval) === undefined;
}
