/**
 * The people of the local demo. The local stack creates them in the local
 * user pool through the people screen's own admin path (AdminCreateUser and
 * groups, cognito-people-admin.ts), gives them a local-only password, and
 * signs each in: every request then carries a real, signed ID token.
 */

import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { signInWithPassword } from '../shared/adapters/cognito-password-sign-in.js';
import { CognitoPeopleAdmin } from '../shared/adapters/cognito-people-admin.js';
import { divisionName } from '../shared/people/division-names.js';
import type { Round } from '../shared/schemas/round-schema.js';

export interface LocalIdentity {
  id: string;
  /** Display name (Cognito `name`), fictional. */
  nameTh: string;
  /** Position (ตำแหน่ง), Cognito `custom:position`. */
  position: string;
  groups: string[];
  /** Filled in once created in the local user pool. */
  sub?: string;
  /** A signed ID token, filled in once signed in. */
  token?: string;
}

/** The local people's password: the local user pool only, never a deployed one. */
export const LOCAL_PASSWORD = 'Local-only-Passw0rd!';

/** Where a local person's mail goes: a reserved domain that reaches nobody (RFC 2606). */
export function localEmail(id: string): string {
  return `${id}@people.example`;
}

/**
 * The seed round's six division codes (placeholders: the seed names none;
 * events/seed/round.json gives them plausible Thai names).
 */
export function seedDivisions(): string[] {
  return Array.from(
    { length: 6 },
    (_, i) => `division-placeholder-${String(i + 1).padStart(2, '0')}`,
  );
}

/** A division's head as a Thai office titles them: ผู้อำนวยการกอง…, หัวหน้ากลุ่ม… */
function headOf(name: string): string {
  return name.startsWith('กอง') || name.startsWith('สำนัก') ? `ผู้อำนวยการ${name}` : `หัวหน้า${name}`;
}

export function localIdentities(
  agencyId: string,
  divisions: readonly string[],
  names: Pick<Round, 'divisions'> = {},
): LocalIdentity[] {
  const people: LocalIdentity[] = [
    {
      id: 'coordinator',
      nameTh: 'ผู้ประสานงาน',
      position: 'นักวิเคราะห์นโยบายและแผน',
      groups: [`${agencyId}:coordinator`],
    },
    {
      id: 'acc-officer',
      nameTh: 'เจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริต',
      position: 'ผู้อำนวยการศูนย์ปฏิบัติการต่อต้านการทุจริต',
      groups: [`${agencyId}:anti-corruption-centre`],
    },
    {
      id: 'agency-head',
      nameTh: 'นายปรีชา วงศ์สุจริต',
      position: 'หัวหน้าส่วนราชการ',
      groups: [`${agencyId}:agency-head`],
    },
  ];
  divisions.forEach((division, index) => {
    const n = index + 1;
    const named = names.divisions?.some((d) => d.code === division);
    const unit = named ? divisionName(names, division).th : `กอง ${n}`;
    people.push(
      {
        id: `staff-${n}`,
        nameTh: `เจ้าหน้าที่ ${unit}`,
        position: 'นักวิเคราะห์นโยบายและแผน',
        groups: [`${agencyId}:division:${division}`],
      },
      {
        id: `director-${n}`,
        nameTh: `ผู้อำนวยการ ${unit}`,
        position: named ? headOf(unit) : `ผู้อำนวยการกอง ${n}`,
        groups: [`${agencyId}:division-director`, `${agencyId}:division:${division}`],
      },
    );
  });
  return people;
}

/** The JWT claims API Gateway's HTTP API would hand the function (groups flattened to "[a b]"). */
export function claimsOf(identity: LocalIdentity): Record<string, string> {
  return {
    sub: `local-${identity.id}`,
    'cognito:username': identity.id,
    // Cognito's ID token carries the address too; nothing downstream may print it.
    email: localEmail(identity.id),
    name: identity.nameTh,
    'custom:position': identity.position,
    'cognito:groups': `[${identity.groups.join(' ')}]`,
  };
}

/** Creates each person (no invitation mail), sets the local password, signs them in. */
export async function createLocalPeople(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  local: { endpoint: string; clientId: string },
  people: LocalIdentity[],
): Promise<void> {
  const admin = new CognitoPeopleAdmin(client, userPoolId);
  for (const person of people) {
    const created = await admin.invite({
      username: person.id,
      email: localEmail(person.id),
      name: person.nameTh,
      position: person.position,
      groups: person.groups,
      silent: true,
    });
    await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: userPoolId,
        Username: person.id,
        Password: LOCAL_PASSWORD,
        Permanent: true,
      }),
    );
    person.sub = created.sub;
    person.token = (
      await signInWithPassword(local.endpoint, local.clientId, person.id, LOCAL_PASSWORD)
    ).idToken;
  }
}
