/**
 * The authorisation matrix as data: for every API route (and, where one
 * route acts on different things, every target), what each principal may
 * do. A cell is `allow` or the reason it is refused; the test asks the
 * running API every cell, and docs/authorisation-matrix.md is rendered from
 * this same table.
 */

import { PEOPLE_ROWS } from './people-matrix.js';
import type { PrincipalKey } from './principals.js';

/**
 * Why a request is refused, and so what the caller gets back.
 * - no-token: the JWT authorizer refuses before any function runs (401).
 * - not-member / not-role / not-division / own-submission: 403, the problem
 *   `auth.notMember`, `auth.notRole`, `auth.notDivision`, `auth.ownSubmission`.
 * - hidden: 404 as if it did not exist, so a stranger cannot probe for ids.
 */
export const DENIALS = {
  'no-token': { status: 401, code: undefined, en: 'no valid token' },
  'not-member': { status: 403, code: 'auth.notMember', en: 'not in the agency' },
  'not-role': { status: 403, code: 'auth.notRole', en: 'lacks the role' },
  'not-division': { status: 403, code: 'auth.notDivision', en: 'not the division' },
  'own-submission': { status: 403, code: 'auth.ownSubmission', en: 'uploaded it' },
  hidden: { status: 404, code: 'upload.notFound', en: 'answered as not found' },
  'not-operator': { status: 403, code: 'people.notOperator', en: 'not the national operator' },
  'self-grant': { status: 403, code: 'people.selfGrant', en: 'a role for oneself' },
  'last-coordinator': {
    status: 409,
    code: 'people.lastCoordinator',
    en: 'the agency would have no coordinator',
  },
  'other-agency-person': {
    status: 409,
    code: 'people.otherAgency',
    en: 'the account is used in another agency too',
  },
} as const;
export type Denial = keyof typeof DENIALS;
export type Cell = 'allow' | Denial;

export interface MatrixRow {
  /** A route name from `infra/constructs/api.ts` ROUTES. */
  route: string;
  /** What the request acts on, when that decides who may act. */
  target: string;
  cells: Record<PrincipalKey, Cell>;
}

/**
 * The workflow's routes are written without the national operator's
 * column: holding no group of any agency, the operator is refused exactly
 * as another agency's officer is (see withNationalOperator below).
 */
type WorkflowPrincipal = Exclude<PrincipalKey, 'national operator'>;
interface WorkflowRow extends Omit<MatrixRow, 'cells'> {
  cells: Record<WorkflowPrincipal, Cell>;
}

/** The columns the authorizer answers before any function sees the request. */
const NO_TOKEN = {
  anonymous: 'no-token',
  'malformed token': 'no-token',
  'unknown token': 'no-token',
} as const;

/** Reading a round, its status or one's inbox: anyone in the agency, nobody outside it. */
const AGENCY_MEMBERS = {
  ...NO_TOKEN,
  'other division': 'allow',
  'owning division': 'allow',
  'owning director': 'allow',
  'other director': 'allow',
  'anti-corruption centre': 'allow',
  'agency head': 'allow',
  'uploader as approver': 'allow',
  coordinator: 'allow',
  'other agency': 'not-member',
} as const satisfies Record<WorkflowPrincipal, Cell>;

/** An item's history and content: its own division and those who oversee the round. */
const ITEM_READERS = {
  ...NO_TOKEN,
  'other division': 'not-division',
  'owning division': 'allow',
  'owning director': 'allow',
  'other director': 'not-division',
  'anti-corruption centre': 'allow',
  'agency head': 'allow',
  'uploader as approver': 'allow',
  coordinator: 'allow',
  'other agency': 'not-member',
} as const satisfies Record<WorkflowPrincipal, Cell>;

/** Only the coordinator (reminders). */
const COORDINATOR_ONLY = {
  ...NO_TOKEN,
  'other division': 'not-role',
  'owning division': 'not-role',
  'owning director': 'not-role',
  'other director': 'not-role',
  'anti-corruption centre': 'not-role',
  'agency head': 'not-role',
  'uploader as approver': 'not-role',
  coordinator: 'allow',
  'other agency': 'not-role',
} as const satisfies Record<WorkflowPrincipal, Cell>;

const WORKFLOW_ROWS: readonly WorkflowRow[] = [
  {
    route: 'open-round',
    target: 'a new round of the agency',
    cells: {
      ...NO_TOKEN,
      'other division': 'not-role',
      'owning division': 'not-role',
      'owning director': 'not-role',
      'other director': 'not-role',
      'anti-corruption centre': 'not-role',
      'agency head': 'not-role',
      'uploader as approver': 'not-role',
      coordinator: 'allow',
      'other agency': 'not-role',
    },
  },
  {
    route: 'open-fy-from-h1',
    target: 'the annual round of a published six-month round',
    cells: COORDINATOR_ONLY,
  },
  { route: 'get-round', target: 'the open round', cells: AGENCY_MEMBERS },
  { route: 'round-status', target: 'the open round', cells: AGENCY_MEMBERS },
  {
    route: 'request-upload',
    target: "an item of the owning division's",
    cells: {
      ...NO_TOKEN,
      'other division': 'not-division',
      'owning division': 'allow',
      'owning director': 'allow',
      'other director': 'not-division',
      'anti-corruption centre': 'not-division',
      'agency head': 'not-division',
      'uploader as approver': 'allow',
      coordinator: 'allow',
      'other agency': 'not-division',
    },
  },
  {
    route: 'get-upload',
    target: "an upload by the owning division's staff",
    cells: {
      ...NO_TOKEN,
      'other division': 'hidden',
      'owning division': 'allow',
      'owning director': 'allow',
      'other director': 'hidden',
      'anti-corruption centre': 'hidden',
      'agency head': 'hidden',
      'uploader as approver': 'allow',
      coordinator: 'allow',
      'other agency': 'hidden',
    },
  },
  {
    route: 'list-approvals',
    target: "the agency's inbox (only what the caller may decide)",
    cells: AGENCY_MEMBERS,
  },
  { route: 'list-rounds', target: "the agency's rounds", cells: AGENCY_MEMBERS },
  { route: 'get-item', target: "an item of the owning division's", cells: ITEM_READERS },
  { route: 'get-version', target: "a version of the owning division's item", cells: ITEM_READERS },
  {
    route: 'get-carried-draft',
    target: "the carried draft of the owning division's item",
    // Who may submit the draft: the item's division (staff and director) and the coordinator.
    cells: {
      ...ITEM_READERS,
      'anti-corruption centre': 'not-division',
      'agency head': 'not-division',
    },
  },
  {
    route: 'get-draft',
    target: 'the rolled-up draft awaiting sign-off',
    // The overseers; the uploading director also sits on the anti-corruption centre.
    cells: {
      ...COORDINATOR_ONLY,
      'anti-corruption centre': 'allow',
      'agency head': 'allow',
      'uploader as approver': 'allow',
    },
  },
  {
    route: 'list-decisions',
    target: "the caller's own decisions",
    cells: AGENCY_MEMBERS,
  },
  { route: 'send-reminders', target: 'the open round', cells: COORDINATOR_ONLY },
  {
    route: 'decide-approval',
    target: 'division-director step',
    cells: {
      ...NO_TOKEN,
      'other division': 'not-role',
      'owning division': 'not-role',
      'owning director': 'allow',
      'other director': 'not-division',
      'anti-corruption centre': 'not-role',
      'agency head': 'not-role',
      'uploader as approver': 'own-submission',
      coordinator: 'not-role',
      'other agency': 'not-role',
    },
  },
  {
    route: 'decide-approval',
    target: 'anti-corruption-centre step',
    cells: {
      ...NO_TOKEN,
      'other division': 'not-role',
      'owning division': 'not-role',
      'owning director': 'not-role',
      'other director': 'not-role',
      'anti-corruption centre': 'allow',
      'agency head': 'not-role',
      'uploader as approver': 'own-submission',
      coordinator: 'not-role',
      'other agency': 'not-role',
    },
  },
  {
    route: 'decide-approval',
    target: 'agency-head sign-off',
    cells: {
      ...NO_TOKEN,
      'other division': 'not-role',
      'owning division': 'not-role',
      'owning director': 'not-role',
      'other director': 'not-role',
      'anti-corruption centre': 'not-role',
      'agency head': 'allow',
      'uploader as approver': 'not-role',
      coordinator: 'not-role',
      'other agency': 'not-role',
    },
  },
];

function withNationalOperator(row: WorkflowRow): MatrixRow {
  return { ...row, cells: { ...row.cells, 'national operator': row.cells['other agency'] } };
}

export const MATRIX: readonly MatrixRow[] = [
  ...WORKFLOW_ROWS.map(withNationalOperator),
  ...PEOPLE_ROWS,
];

/** A row's name in test titles and the Markdown table. */
export function rowName(row: Pick<MatrixRow, 'route' | 'target'>): string {
  return `${row.route} (${row.target})`;
}
