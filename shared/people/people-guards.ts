/**
 * Who may change whom on the people screen. Each guard throws the refusal
 * the handler answers with; it returns nothing when the change may go ahead.
 *
 * - Only the agency's coordinator manages its people (a role elsewhere, or
 *   the national operator's group, counts for nothing here).
 * - The person changed must hold one of the agency's groups: another
 *   agency's people are answered as not found, so they cannot be probed.
 * - Nobody gives themselves a role or a division, or disables themselves.
 * - The agency keeps at least one enabled coordinator.
 */

import { belongsToAgency, type Caller, holdsRole } from '../workflow/caller.js';
import { roleGroupName } from '../workflow/roles.js';
import { workflowProblem } from '../workflow/workflow-messages.js';
import { type AgencyMember, agencyGroupPrefix, isCoordinator } from './agency-person.js';
import {
  LastCoordinatorError,
  NotPermittedError,
  PersonInOtherAgencyError,
  PersonNotFoundError,
  SelfDisableError,
  SelfGrantError,
} from './people-errors.js';
import { peopleProblem } from './people-messages.js';

export function assertManagesPeople(caller: Caller, agencyId: string): void {
  if (holdsRole(caller, agencyId, 'coordinator')) return;
  const problem = belongsToAgency(caller, agencyId)
    ? workflowProblem('auth.notRole', '$', {
        role: 'coordinator',
        agencyId,
        group: roleGroupName(agencyId, 'coordinator'),
      })
    : workflowProblem('auth.notMember', '$', { agencyId });
  throw new NotPermittedError([problem]);
}

export function memberNamed(
  members: readonly AgencyMember[],
  agencyId: string,
  sub: string,
): AgencyMember {
  const found = members.find((m) => m.person.sub === sub);
  if (!found) throw new PersonNotFoundError([peopleProblem('people.notFound', '$', { agencyId })]);
  return found;
}

export function assertNotSelfGrant(caller: Caller, target: AgencyMember): void {
  if (target.person.sub === caller.sub)
    throw new SelfGrantError([peopleProblem('people.selfGrant')]);
}

export function assertNotSelf(caller: Caller, target: AgencyMember): void {
  if (target.person.sub === caller.sub)
    throw new SelfDisableError([peopleProblem('people.selfDisable')]);
}

/** Refuses to take the coordinator role (or the account) from the agency's last enabled coordinator. */
export function assertKeepsACoordinator(
  agencyId: string,
  members: readonly AgencyMember[],
  target: AgencyMember,
): void {
  if (!isCoordinator(agencyId, target) || !target.person.enabled) return;
  const others = members.filter(
    (m) => m.person.sub !== target.person.sub && m.person.enabled && isCoordinator(agencyId, m),
  );
  if (others.length > 0) return;
  throw new LastCoordinatorError([
    peopleProblem('people.lastCoordinator', '$', {
      agencyId,
      name: target.person.name ?? target.person.sub,
    }),
  ]);
}

/** Disabling is pool-wide: refused for someone who also holds another agency's groups. */
export function assertOnlyInAgency(
  agencyId: string,
  target: AgencyMember,
  allGroups: readonly string[],
): void {
  const prefix = agencyGroupPrefix(agencyId);
  if (allGroups.every((g) => g.startsWith(prefix))) return;
  throw new PersonInOtherAgencyError([
    peopleProblem('people.otherAgency', '$', {
      agencyId,
      name: target.person.name ?? target.person.sub,
    }),
  ]);
}
