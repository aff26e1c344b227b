/**
 * The request bodies of the people routes, checked with zod: an
 * invitation, a change of one role or division, a new agency. Names and
 * positions are normalised like every other text we store (NFC, spaces).
 */

import { Code, Title } from '../schemas/text-fields.js';
import * as z from '../schemas/zod-mini.js';
import { validateWith } from '../validation/validate-with.js';
import { STAFF_ROLES, type StaffRole } from '../workflow/roles.js';
import { InvalidPeopleRequestError } from './people-errors.js';
import { peopleProblem } from './people-messages.js';

/** Cognito's custom:position is at most 200 characters (infra/constructs/api.ts). */
const MAX_POSITION_CHARS = 200;
const MAX_NAME_CHARS = 200;

const Email = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.email(), z.maxLength(254)),
  z.transform((value: string) => value),
);
const ShortText = (max: number) =>
  z.pipe(Title, z.string().check(z.minLength(1), z.maxLength(max)));
const Role = z.enum(STAFF_ROLES);

const NewPerson = z.strictObject({
  email: Email,
  name: ShortText(MAX_NAME_CHARS),
  position: ShortText(MAX_POSITION_CHARS),
});

const InviteSchema = z.strictObject({
  ...NewPerson.shape,
  roles: z.optional(z.array(Role).check(z.maxLength(STAFF_ROLES.length))),
  divisions: z.optional(z.array(Code).check(z.maxLength(50))),
});

const GroupChangeSchema = z.strictObject({
  change: z.enum(['add', 'remove']),
  role: z.optional(Role),
  division: z.optional(Code),
});

const CreateAgencySchema = z.strictObject({
  agencyId: Code,
  coordinator: NewPerson,
});

export interface InviteRequest {
  email: string;
  name: string;
  position: string;
  roles: StaffRole[];
  divisions: string[];
}

export type GroupChange =
  | { change: 'add' | 'remove'; role: StaffRole }
  | { change: 'add' | 'remove'; division: string };

export interface CreateAgencyRequest {
  agencyId: string;
  coordinator: { email: string; name: string; position: string };
}

function valid<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = validateWith(schema, input);
  if (!parsed.ok) throw new InvalidPeopleRequestError(parsed.problems);
  return parsed.value;
}

export function readInviteRequest(input: unknown): InviteRequest {
  const value = valid(InviteSchema, input);
  return {
    email: value.email,
    name: value.name,
    position: value.position,
    roles: [...new Set(value.roles ?? [])],
    divisions: [...new Set(value.divisions ?? [])],
  };
}

export function readGroupChange(input: unknown): GroupChange {
  const value = valid(GroupChangeSchema, input);
  if (value.role !== undefined && value.division === undefined)
    return { change: value.change, role: value.role };
  if (value.division !== undefined && value.role === undefined)
    return { change: value.change, division: value.division };
  throw new InvalidPeopleRequestError([peopleProblem('people.oneGroup')]);
}

export function readCreateAgencyRequest(input: unknown): CreateAgencyRequest {
  return valid(CreateAgencySchema, input);
}
