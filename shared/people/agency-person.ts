/**
 * A person as the people screen shows them in one agency: who they are,
 * whether they can sign in, and the roles and divisions they hold there —
 * read from their groups (`{agency}:{role}`, `{agency}:division:{code}`).
 * Groups of other agencies are never shown: they are not this agency's business.
 */

import {
  divisionGroupName,
  isStaffRole,
  roleGroupName,
  type StaffRole,
} from '../workflow/roles.js';
import type { Person } from './person.js';

export interface AgencyPerson {
  sub: string;
  name?: string;
  position?: string;
  /** Where the invitation and notices go; shown to the coordinator only, never published. */
  email?: string;
  enabled: boolean;
  /** FORCE_CHANGE_PASSWORD until the invitation is taken up, then CONFIRMED. */
  status?: string;
  /**
   * The account's last change (Cognito's UserLastModifiedDate): a first
   * sign-in sets the new password and moves it. Cognito reports no later
   * sign-ins without advanced security's auth events.
   */
  lastActivity?: string;
  roles: StaffRole[];
  divisions: string[];
}

/** One member of the agency, as the directory lists them, with every group they hold there. */
export interface AgencyMember {
  person: Person;
  groups: readonly string[];
}

/** The prefix every one of the agency's groups starts with. */
export const agencyGroupPrefix = (agencyId: string) => `${agencyId}:`;

export function rolesIn(agencyId: string, groups: readonly string[]): StaffRole[] {
  const prefix = agencyGroupPrefix(agencyId);
  return groups
    .filter((g) => g.startsWith(prefix))
    .map((g) => g.slice(prefix.length))
    .filter((rest): rest is StaffRole => isStaffRole(rest))
    .sort();
}

export function divisionsIn(agencyId: string, groups: readonly string[]): string[] {
  const prefix = divisionGroupName(agencyId, '');
  return groups
    .filter((g) => g.startsWith(prefix) && g.length > prefix.length)
    .map((g) => g.slice(prefix.length))
    .sort();
}

export function holdsGroup(member: AgencyMember, group: string): boolean {
  return member.groups.includes(group);
}

export function isCoordinator(agencyId: string, member: AgencyMember): boolean {
  return holdsGroup(member, roleGroupName(agencyId, 'coordinator'));
}

export function agencyPersonOf(agencyId: string, member: AgencyMember): AgencyPerson {
  const { person, groups } = member;
  return {
    sub: person.sub,
    ...(person.name ? { name: person.name } : {}),
    ...(person.position ? { position: person.position } : {}),
    ...(person.email ? { email: person.email } : {}),
    enabled: person.enabled,
    ...(person.status ? { status: person.status } : {}),
    ...(person.lastModified ? { lastActivity: person.lastModified } : {}),
    roles: rolesIn(agencyId, groups),
    divisions: divisionsIn(agencyId, groups),
  };
}

/** Thai collation, so the list reads as a Thai reader expects. */
const collator = new Intl.Collator('th');

export function byName(a: AgencyPerson, b: AgencyPerson): number {
  return collator.compare(a.name ?? a.sub, b.name ?? b.sub);
}
