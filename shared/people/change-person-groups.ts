/**
 * The coordinator adds or removes one role or division of a person in the
 * agency. Asking for what is already so changes and records nothing, so a
 * retried request is harmless.
 */

import type { Caller } from '../workflow/caller.js';
import { divisionGroupName, roleGroupName } from '../workflow/roles.js';
import { type AgencyPerson, agencyPersonOf, holdsGroup } from './agency-person.js';
import { peopleChange } from './people-change.js';
import {
  assertKeepsACoordinator,
  assertManagesPeople,
  assertNotSelfGrant,
  memberNamed,
} from './people-guards.js';
import type { GroupChange } from './people-requests.js';
import type { PeopleScreenPorts } from './people-screen-ports.js';

export async function changePersonGroups(
  ports: PeopleScreenPorts,
  caller: Caller,
  agencyId: string,
  sub: string,
  request: GroupChange,
): Promise<AgencyPerson> {
  assertManagesPeople(caller, agencyId);
  const members = await ports.admin.agencyMembers(agencyId);
  const target = memberNamed(members, agencyId, sub);
  const group =
    'role' in request
      ? roleGroupName(agencyId, request.role)
      : divisionGroupName(agencyId, request.division);
  const adding = request.change === 'add';
  if (adding) assertNotSelfGrant(caller, target);
  else if ('role' in request && request.role === 'coordinator')
    assertKeepsACoordinator(agencyId, members, target);

  if (holdsGroup(target, group) === adding) return agencyPersonOf(agencyId, target);
  const { username } = target.person;
  if (adding) {
    await ports.admin.ensureGroup(group);
    await ports.admin.addToGroup(username, group);
  } else {
    await ports.admin.removeFromGroup(username, group);
  }
  const groups = adding ? [...target.groups, group] : target.groups.filter((g) => g !== group);
  await ports.changes.record(
    peopleChange(caller, ports.now(), {
      agencyId,
      action:
        'role' in request
          ? adding
            ? 'add-role'
            : 'remove-role'
          : adding
            ? 'add-division'
            : 'remove-division',
      target: { sub, ...(target.person.name ? { name: target.person.name } : {}) },
      ...('role' in request ? { roles: [request.role] } : { divisions: [request.division] }),
    }),
  );
  return agencyPersonOf(agencyId, { person: target.person, groups });
}
