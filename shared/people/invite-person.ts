/**
 * The coordinator invites someone by e-mail: the account is created with
 * their name and position, the pool mails the Thai invitation with a
 * temporary password, and they join the chosen role and division groups of
 * this agency only. The change is recorded.
 */

import type { Caller } from '../workflow/caller.js';
import { divisionGroupName, roleGroupName } from '../workflow/roles.js';
import { type AgencyPerson, agencyPersonOf } from './agency-person.js';
import { peopleChange } from './people-change.js';
import { NothingGrantedError } from './people-errors.js';
import { assertManagesPeople } from './people-guards.js';
import { peopleProblem } from './people-messages.js';
import type { InviteRequest } from './people-requests.js';
import type { PeopleScreenPorts } from './people-screen-ports.js';

export async function invitePerson(
  ports: PeopleScreenPorts,
  caller: Caller,
  agencyId: string,
  request: InviteRequest,
): Promise<AgencyPerson> {
  assertManagesPeople(caller, agencyId);
  if (request.roles.length === 0 && request.divisions.length === 0) {
    throw new NothingGrantedError([peopleProblem('people.nothingGranted', '$.roles')]);
  }
  const groups = [
    ...request.roles.map((role) => roleGroupName(agencyId, role)),
    ...request.divisions.map((division) => divisionGroupName(agencyId, division)),
  ];
  const person = await ports.admin.invite({
    email: request.email,
    name: request.name,
    position: request.position,
    groups,
  });
  await ports.changes.record(
    peopleChange(caller, ports.now(), {
      agencyId,
      action: 'invite',
      target: { sub: person.sub, name: request.name },
      roles: request.roles,
      divisions: request.divisions,
    }),
  );
  return agencyPersonOf(agencyId, { person, groups });
}
