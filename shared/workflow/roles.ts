/**
 * Who does what. Roles and divisions come from Cognito groups named
 * `{agency}:{role}` and `{agency}:division:{division}`, so one user pool can
 * serve many agencies and a person's role in one agency grants nothing in
 * another.
 */

import type { ApprovalRoleCode } from '../schemas/approval-role.js';

/** Whom an approval step waits for: a plan item's chain role, or the agency head signing off the round. */
export type WaitingRole = ApprovalRoleCode | 'agency-head';

export const STAFF_ROLES = [
  'coordinator',
  'agency-head',
  'division-director',
  'anti-corruption-centre',
  'internal-audit',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const SIGN_OFF_ROLE = 'agency-head' satisfies WaitingRole;

const STAFF_ROLE_SET: ReadonlySet<string> = new Set(STAFF_ROLES);

export function isStaffRole(value: string): value is StaffRole {
  return STAFF_ROLE_SET.has(value);
}

/**
 * The national operator: a deployment that hosts many agencies has someone
 * who creates an agency (its groups) and its first coordinator. The name has
 * no colon, while every agency's group is `{agency}:…`, so no agency id can
 * ever produce it, and reading it grants nothing inside any agency.
 */
export const NATIONAL_OPERATOR_GROUP = 'national-operator';

/** The Cognito group that grants `role` in `agencyId`. */
export function roleGroupName(agencyId: string, role: StaffRole): string {
  return `${agencyId}:${role}`;
}

/** The Cognito group of the members of a division. */
export function divisionGroupName(agencyId: string, division: string): string {
  return `${agencyId}:division:${division}`;
}
