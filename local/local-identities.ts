/**
 * The people of the local demo and the claims the Cognito JWT authorizer
 * would pass for them. Locally a request names its person with
 * "Authorization: Bearer local:<id>"; only the local API server reads that,
 * so these identities cannot reach a deployed API (whose authorizer accepts
 * only Cognito-signed JWTs).
 */

export interface LocalIdentity {
  id: string;
  /** Display name (Cognito `name`), fictional. */
  nameTh: string;
  /** Position (ตำแหน่ง), Cognito `custom:position`. */
  position: string;
  groups: string[];
}

export const LOCAL_TOKEN_PREFIX = 'local:';

/** The seed round's six divisions (placeholder codes: the seed names none). */
export function seedDivisions(): string[] {
  return Array.from(
    { length: 6 },
    (_, i) => `division-placeholder-${String(i + 1).padStart(2, '0')}`,
  );
}

export function localIdentities(agencyId: string, divisions: readonly string[]): LocalIdentity[] {
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
    people.push(
      {
        id: `staff-${n}`,
        nameTh: `เจ้าหน้าที่ กอง ${n}`,
        position: 'นักวิเคราะห์นโยบายและแผน',
        groups: [`${agencyId}:division:${division}`],
      },
      {
        id: `director-${n}`,
        nameTh: `ผู้อำนวยการ กอง ${n}`,
        position: `ผู้อำนวยการกอง ${n}`,
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
    email: `${identity.id}@people.example`,
    name: identity.nameTh,
    'custom:position': identity.position,
    'cognito:groups': `[${identity.groups.join(' ')}]`,
  };
}
