/**
 * The national operator creates an agency in a shared deployment: its role
 * groups, and its first coordinator (invited by e-mail), who invites
 * everyone else. The operator holds no role inside the agency afterwards.
 */

import type { Caller } from '../workflow/caller.js';
import { NATIONAL_OPERATOR_GROUP, roleGroupName, STAFF_ROLES } from '../workflow/roles.js';
import { type AgencyPerson, agencyPersonOf, isCoordinator } from './agency-person.js';
import { peopleChange } from './people-change.js';
import { AgencyHasCoordinatorError, NotPermittedError } from './people-errors.js';
import { peopleProblem } from './people-messages.js';
import type { CreateAgencyRequest } from './people-requests.js';
import type { PeopleScreenPorts } from './people-screen-ports.js';

export function assertNationalOperator(caller: Caller): void {
  if (caller.nationalOperator) return;
  throw new NotPermittedError([
    peopleProblem('people.notOperator', '$', { group: NATIONAL_OPERATOR_GROUP }),
  ]);
}

export async function createAgency(
  ports: PeopleScreenPorts,
  caller: Caller,
  request: CreateAgencyRequest,
): Promise<{ agencyId: string; coordinator: AgencyPerson }> {
  assertNationalOperator(caller);
  const { agencyId, coordinator } = request;
  const members = await ports.admin.agencyMembers(agencyId);
  if (members.some((m) => m.person.enabled && isCoordinator(agencyId, m))) {
    throw new AgencyHasCoordinatorError([
      peopleProblem('people.agencyHasCoordinator', '$.agencyId', { agencyId }),
    ]);
  }
  for (const role of STAFF_ROLES) await ports.admin.ensureGroup(roleGroupName(agencyId, role));
  const groups = [roleGroupName(agencyId, 'coordinator')];
  const person = await ports.admin.invite({ ...coordinator, groups });
  await ports.changes.record(
    peopleChange(caller, ports.now(), {
      agencyId,
      action: 'create-agency',
      target: { sub: person.sub, name: coordinator.name },
      roles: ['coordinator'],
    }),
  );
  return { agencyId, coordinator: agencyPersonOf(agencyId, { person, groups }) };
}
