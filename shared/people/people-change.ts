/**
 * One change made on the people screen, as the audit keeps it: who made it
 * (the stable `sub` and the name they had), when, what, and to whom. No
 * e-mail address is kept here: the `sub` identifies the person for good.
 */

import { randomUUID } from 'node:crypto';
import type { Caller } from '../workflow/caller.js';
import type { StaffRole } from '../workflow/roles.js';

export const PEOPLE_ACTIONS = [
  'create-agency',
  'invite',
  'add-role',
  'remove-role',
  'add-division',
  'remove-division',
  'disable',
] as const;
export type PeopleAction = (typeof PEOPLE_ACTIONS)[number];

export interface PeopleChange {
  agencyId: string;
  changeId: string;
  at: string;
  action: PeopleAction;
  by: { sub: string; name: string };
  target: { sub: string; name?: string };
  roles?: StaffRole[];
  divisions?: string[];
}

export function peopleChange(
  caller: Caller,
  at: Date,
  change: Omit<PeopleChange, 'changeId' | 'at' | 'by'>,
): PeopleChange {
  return {
    ...change,
    changeId: randomUUID(),
    at: at.toISOString(),
    by: { sub: caller.sub, name: caller.name },
  };
}
