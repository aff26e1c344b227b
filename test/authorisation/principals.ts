/**
 * The people the authorisation matrix asks on behalf of: one column each.
 * Most are the local demo's own identities (`local/local-identities.ts`);
 * the uploader who also approves and the other agency's officer are extra
 * identities the stack is started with, because the demo has no use for them.
 */

import type { LocalIdentity } from '../../local/local-identities.js';
import { NATIONAL_OPERATOR_GROUP } from '../../shared/workflow/roles.js';

export const AGENCY = 'opdc';
/** A second agency using the same deployment: same role and division names, other agency id. */
export const OTHER_AGENCY = 'dga';
/** The division that owns the items the matrix acts on, and one that owns none of them. */
export const OWNING_DIVISION = 'planning';
export const OTHER_DIVISION = 'legal';
/** Passed to the stack in this order: staff-1/director-1 are the owning division's. */
export const DIVISIONS = [OWNING_DIVISION, OTHER_DIVISION] as const;

export const PRINCIPAL_KEYS = [
  'anonymous',
  'malformed token',
  'unknown token',
  'other division',
  'owning division',
  'owning director',
  'other director',
  'anti-corruption centre',
  'agency head',
  'uploader as approver',
  'coordinator',
  'other agency',
  'national operator',
] as const;
export type PrincipalKey = (typeof PRINCIPAL_KEYS)[number];

export interface Principal {
  key: PrincipalKey;
  /** Who this is, for the Markdown legend. */
  description: string;
  /** The Authorization header sent, if any. */
  authorization?: string;
  /** The identity behind the token, when the API knows one. */
  identity?: LocalIdentity;
}

/**
 * A director of the owning division who also sits on the anti-corruption
 * centre, and uploads their division's items: holding the role of both item
 * steps, they may still decide neither for what they uploaded.
 */
const uploaderApprover: LocalIdentity = {
  id: 'director-uploader',
  nameTh: 'ผู้อำนวยการกองที่ส่งรายงานเอง',
  position: 'ผู้อำนวยการกองยุทธศาสตร์',
  groups: [
    `${AGENCY}:division-director`,
    `${AGENCY}:anti-corruption-centre`,
    `${AGENCY}:division:${OWNING_DIVISION}`,
  ],
};

/** Every role and the same division code, but in another agency: worth nothing in this one. */
const otherAgencyOfficer: LocalIdentity = {
  id: `${OTHER_AGENCY}-officer`,
  nameTh: 'เจ้าหน้าที่หน่วยงานอื่น',
  position: 'หัวหน้าส่วนราชการ',
  groups: [
    `${OTHER_AGENCY}:coordinator`,
    `${OTHER_AGENCY}:agency-head`,
    `${OTHER_AGENCY}:division-director`,
    `${OTHER_AGENCY}:anti-corruption-centre`,
    `${OTHER_AGENCY}:division:${OWNING_DIVISION}`,
  ],
};

/** Creates agencies in the shared deployment; holds no group of any agency. */
const nationalOperator: LocalIdentity = {
  id: 'national-operator',
  nameTh: 'ผู้ดูแลระบบระดับประเทศ',
  position: 'นักวิชาการคอมพิวเตอร์',
  groups: [NATIONAL_OPERATOR_GROUP],
};

/** People the people routes act on (nobody signs in as them in the matrix). */
export const PEOPLE_TARGETS = {
  /** Gets a role from the coordinator. */
  promoted: {
    id: 'people-promoted',
    nameTh: 'เจ้าหน้าที่ที่ได้รับบทบาทเพิ่ม',
    position: 'นิติกร',
    groups: [`${AGENCY}:division:${OTHER_DIVISION}`],
  },
  /** Is disabled by the coordinator. */
  leaving: {
    id: 'people-leaving',
    nameTh: 'เจ้าหน้าที่ที่ย้ายออก',
    position: 'นิติกร',
    groups: [`${AGENCY}:division:${OTHER_DIVISION}`],
  },
  /** Works in both agencies: disabling the account would reach into the other one. */
  shared: {
    id: 'people-two-agencies',
    nameTh: 'เจ้าหน้าที่สองหน่วยงาน',
    position: 'นิติกร',
    groups: [`${AGENCY}:division:${OTHER_DIVISION}`, `${OTHER_AGENCY}:division:${OTHER_DIVISION}`],
  },
} satisfies Record<string, LocalIdentity>;

/** Identities the stack must know beyond the demo's own. */
export const EXTRA_IDENTITIES: readonly LocalIdentity[] = [
  uploaderApprover,
  otherAgencyOfficer,
  nationalOperator,
  ...Object.values(PEOPLE_TARGETS),
];

/** The Cognito `sub` the local user pool gave an identity (what `uploadedBy`/`decidedBy` hold). */
export const subOf = (identity: LocalIdentity) => identity.sub ?? '';

const bearer = (identity: LocalIdentity) => `Bearer ${identity.token ?? ''}`;

/** A real token of the pool with its claims changed: the signature no longer matches. */
function forged(identity: LocalIdentity): string {
  const [header, payload] = (identity.token ?? '').split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
  const changed = Buffer.from(JSON.stringify({ ...claims, sub: 'nobody-at-all' })).toString(
    'base64url',
  );
  return `${header}.${changed}.${(identity.token ?? '').split('.')[2] ?? ''}`;
}

/** The principals, resolved against the identities the running stack knows. */
export function principals(identities: readonly LocalIdentity[]): Record<PrincipalKey, Principal> {
  const known = (id: string) => {
    const identity = identities.find((i) => i.id === id);
    if (!identity) throw new Error(`the stack has no identity ${id}`);
    return identity;
  };
  const signedIn = (key: PrincipalKey, id: string, description: string): Principal => {
    const identity = known(id);
    return { key, description, authorization: bearer(identity), identity };
  };
  return {
    anonymous: { key: 'anonymous', description: 'No Authorization header' },
    'malformed token': {
      key: 'malformed token',
      description: 'An Authorization header that holds no token the authorizer can read',
      authorization: 'Bearer not-a-token',
    },
    'unknown token': {
      key: 'unknown token',
      description: 'A user pool token whose claims were changed, so its signature does not match',
      authorization: `Bearer ${forged(known('coordinator'))}`,
    },
    'other division': signedIn('other division', 'staff-2', `Staff of ${OTHER_DIVISION}`),
    'owning division': signedIn('owning division', 'staff-1', `Staff of ${OWNING_DIVISION}`),
    'owning director': signedIn(
      'owning director',
      'director-1',
      `Division director of ${OWNING_DIVISION}`,
    ),
    'other director': signedIn(
      'other director',
      'director-2',
      `Division director of ${OTHER_DIVISION}`,
    ),
    'anti-corruption centre': signedIn(
      'anti-corruption centre',
      'acc-officer',
      'Officer of the anti-corruption centre (ศปท.)',
    ),
    'agency head': signedIn('agency head', 'agency-head', 'The agency head'),
    'uploader as approver': signedIn(
      'uploader as approver',
      uploaderApprover.id,
      `Director of ${OWNING_DIVISION} who also sits on the anti-corruption centre, and uploaded the items being decided`,
    ),
    coordinator: signedIn('coordinator', 'coordinator', 'The coordinator'),
    'other agency': signedIn(
      'other agency',
      otherAgencyOfficer.id,
      `Every role, and division ${OWNING_DIVISION}, in agency ${OTHER_AGENCY}`,
    ),
    'national operator': signedIn(
      'national operator',
      nationalOperator.id,
      `The national operator (group ${NATIONAL_OPERATOR_GROUP}): creates agencies, no role in any`,
    ),
  };
}
