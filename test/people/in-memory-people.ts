/**
 * The people screen's ports as plain in-memory objects: a user pool of
 * accounts and groups, and an audit list, enough to unit-test the use cases.
 */

import type { AgencyMember } from '../../shared/people/agency-person.js';
import { agencyGroupPrefix } from '../../shared/people/agency-person.js';
import type { Invitation } from '../../shared/people/invitation.js';
import type { PeopleChange } from '../../shared/people/people-change.js';
import { PersonExistsError } from '../../shared/people/people-errors.js';
import { peopleProblem } from '../../shared/people/people-messages.js';
import type { PeopleScreenPorts } from '../../shared/people/people-screen-ports.js';
import type { Person } from '../../shared/people/person.js';
import { callerFromClaims } from '../../shared/workflow/caller.js';

export interface Account {
  person: Person;
  groups: Set<string>;
  invited?: Invitation;
}

export function inMemoryPeople(accounts: Array<{ sub: string; name?: string; groups: string[] }>) {
  const pool = new Map<string, Account>(
    accounts.map(({ sub, name, groups }) => [
      sub,
      {
        person: { sub, username: sub, enabled: true, ...(name ? { name } : {}) },
        groups: new Set(groups),
      },
    ]),
  );
  const groups = new Set(accounts.flatMap((a) => a.groups));
  const changes: PeopleChange[] = [];
  const account = (username: string) => {
    const found = [...pool.values()].find((a) => a.person.username === username);
    if (!found) throw new Error(`no account ${username}`);
    return found;
  };
  const admin = {
    async agencyMembers(agencyId: string): Promise<AgencyMember[]> {
      const prefix = agencyGroupPrefix(agencyId);
      return [...pool.values()]
        .map((a) => ({
          person: { ...a.person },
          groups: [...a.groups].filter((g) => g.startsWith(prefix)),
        }))
        .filter((m) => m.groups.length > 0);
    },
    async groupsOf(username: string) {
      return [...account(username).groups];
    },
    async ensureGroup(group: string) {
      groups.add(group);
    },
    async invite(invitation: Invitation): Promise<Person> {
      if (pool.has(invitation.email))
        throw new PersonExistsError([
          peopleProblem('people.exists', '$.email', { email: invitation.email }),
        ]);
      for (const g of invitation.groups) if (!groups.has(g)) groups.add(g);
      const person: Person = {
        // Like Cognito's: an opaque id, nothing of the address in it.
        sub: `invited-${pool.size + 1}`,
        username: invitation.email,
        email: invitation.email,
        name: invitation.name,
        position: invitation.position,
        enabled: true,
        status: 'FORCE_CHANGE_PASSWORD',
      };
      pool.set(invitation.email, {
        person,
        groups: new Set(invitation.groups),
        invited: invitation,
      });
      return person;
    },
    async addToGroup(username: string, group: string) {
      if (!groups.has(group)) throw new Error(`no group ${group}`);
      account(username).groups.add(group);
    },
    async removeFromGroup(username: string, group: string) {
      account(username).groups.delete(group);
    },
    async disable(username: string) {
      account(username).person.enabled = false;
    },
  } satisfies PeopleScreenPorts['admin'];
  const log = {
    async record(change: PeopleChange) {
      changes.push(change);
    },
    async list(agencyId: string, limit: number) {
      return changes
        .filter((c) => c.agencyId === agencyId)
        .reverse()
        .slice(0, limit);
    },
  } satisfies PeopleScreenPorts['changes'];
  const ports: PeopleScreenPorts = {
    admin,
    changes: log,
    now: () => new Date('2026-12-01T03:00:00Z'),
  };
  return { ports, pool, groups, changes };
}

/** A caller with these groups, as the JWT authorizer's claims describe them. */
export function callerWith(sub: string, groups: string[], name = `name of ${sub}`) {
  const caller = callerFromClaims({ sub, name, 'cognito:groups': `[${groups.join(' ')}]` });
  if (!caller) throw new Error('no caller');
  return caller;
}
