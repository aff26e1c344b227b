/**
 * The people routes' rows of the authorisation matrix: the agency's
 * coordinator manages its people; the national operator creates agencies
 * and nothing else; nobody grants themselves a role; the last coordinator
 * stays; an account used in another agency is not disabled from this one.
 */

import type { Cell, MatrixRow } from './expected-matrix.js';
import type { PrincipalKey } from './principals.js';

const NO_TOKEN = {
  anonymous: 'no-token',
  'malformed token': 'no-token',
  'unknown token': 'no-token',
} as const;

/** Everyone in the agency without the coordinator role is refused the role; outsiders, membership. */
function coordinatorGets(cell: Cell): Record<PrincipalKey, Cell> {
  return {
    ...NO_TOKEN,
    'other division': 'not-role',
    'owning division': 'not-role',
    'owning director': 'not-role',
    'other director': 'not-role',
    'anti-corruption centre': 'not-role',
    'agency head': 'not-role',
    'uploader as approver': 'not-role',
    coordinator: cell,
    // A coordinator, but of another agency; the operator holds no agency's group.
    'other agency': 'not-member',
    'national operator': 'not-member',
  };
}

const PEOPLE_MANAGERS = coordinatorGets('allow');

export const PEOPLE_ROWS: readonly MatrixRow[] = [
  { route: 'list-people', target: "the agency's people", cells: PEOPLE_MANAGERS },
  { route: 'invite-person', target: 'a new person in the agency', cells: PEOPLE_MANAGERS },
  {
    route: 'change-person-groups',
    target: 'a role for a person of the agency',
    cells: PEOPLE_MANAGERS,
  },
  {
    route: 'change-person-groups',
    target: 'a role for the caller themselves',
    cells: coordinatorGets('self-grant'),
  },
  {
    route: 'change-person-groups',
    target: "the last coordinator's own role removed",
    cells: coordinatorGets('last-coordinator'),
  },
  { route: 'disable-person', target: 'a person of the agency', cells: PEOPLE_MANAGERS },
  {
    route: 'disable-person',
    target: 'a person who also works in another agency',
    cells: coordinatorGets('other-agency-person'),
  },
  {
    route: 'list-people-changes',
    target: "the agency's people changes",
    cells: PEOPLE_MANAGERS,
  },
  {
    route: 'create-agency',
    target: 'a new agency and its first coordinator',
    cells: {
      ...NO_TOKEN,
      'other division': 'not-operator',
      'owning division': 'not-operator',
      'owning director': 'not-operator',
      'other director': 'not-operator',
      'anti-corruption centre': 'not-operator',
      'agency head': 'not-operator',
      'uploader as approver': 'not-operator',
      coordinator: 'not-operator',
      'other agency': 'not-operator',
      'national operator': 'allow',
    },
  },
];
