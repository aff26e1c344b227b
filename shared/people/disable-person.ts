/**
 * The coordinator disables an account: the person can no longer sign in
 * and, being disabled, is mailed nothing more. Disabling is pool-wide, so it
 * is refused for someone who also works in another agency (their roles here
 * are removed instead), for oneself, and for the last coordinator.
 */

import type { Caller } from '../workflow/caller.js';
import { type AgencyPerson, agencyPersonOf } from './agency-person.js';
import { peopleChange } from './people-change.js';
import {
  assertKeepsACoordinator,
  assertManagesPeople,
  assertNotSelf,
  assertOnlyInAgency,
  memberNamed,
} from './people-guards.js';
import type { PeopleScreenPorts } from './people-screen-ports.js';

export async function disablePerson(
  ports: PeopleScreenPorts,
  caller: Caller,
  agencyId: string,
  sub: string,
): Promise<AgencyPerson> {
  assertManagesPeople(caller, agencyId);
  const members = await ports.admin.agencyMembers(agencyId);
  const target = memberNamed(members, agencyId, sub);
  assertNotSelf(caller, target);
  if (!target.person.enabled) return agencyPersonOf(agencyId, target);
  assertKeepsACoordinator(agencyId, members, target);
  assertOnlyInAgency(agencyId, target, await ports.admin.groupsOf(target.person.username));

  await ports.admin.disable(target.person.username);
  await ports.changes.record(
    peopleChange(caller, ports.now(), {
      agencyId,
      action: 'disable',
      target: { sub, ...(target.person.name ? { name: target.person.name } : {}) },
    }),
  );
  return agencyPersonOf(agencyId, { ...target, person: { ...target.person, enabled: false } });
}
