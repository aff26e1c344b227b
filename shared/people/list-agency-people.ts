/**
 * The people screen's two lists: the agency's people (roles, divisions,
 * last activity) and the changes made to them, newest first. The
 * coordinator's only.
 */

import type { Caller } from '../workflow/caller.js';
import { type AgencyPerson, agencyPersonOf, byName } from './agency-person.js';
import type { PeopleChange } from './people-change.js';
import { assertManagesPeople } from './people-guards.js';
import type { PeopleScreenPorts } from './people-screen-ports.js';

/** A screenful; older changes stay in the table. */
export const CHANGES_SHOWN = 200;

export async function listAgencyPeople(
  ports: Pick<PeopleScreenPorts, 'admin'>,
  caller: Caller,
  agencyId: string,
): Promise<AgencyPerson[]> {
  assertManagesPeople(caller, agencyId);
  const members = await ports.admin.agencyMembers(agencyId);
  return members.map((m) => agencyPersonOf(agencyId, m)).sort(byName);
}

export async function listPeopleChanges(
  ports: Pick<PeopleScreenPorts, 'changes'>,
  caller: Caller,
  agencyId: string,
): Promise<PeopleChange[]> {
  assertManagesPeople(caller, agencyId);
  return ports.changes.list(agencyId, CHANGES_SHOWN);
}
