/**
 * The person behind an API request, as the JWT authorizer's claims describe
 * them. Parsing lives here, beside the rules that use it, so the rules never
 * see raw claims.
 */

import { isStaffRole, type StaffRole } from './roles.js';

export interface Caller {
  /** Cognito `sub`: stable for the life of the user, unlike the username. */
  sub: string;
  /** For the audit trail; a username or e-mail address. */
  name: string;
  /** agency id → the roles held there. */
  roles: ReadonlyMap<string, ReadonlySet<StaffRole>>;
  /** agency id → the divisions the caller belongs to there. */
  divisions: ReadonlyMap<string, ReadonlySet<string>>;
}

const SEGMENT = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * API Gateway HTTP APIs flatten array claims into one string, "[a b c]";
 * a REST API or a test may hand over a real array. Both are accepted.
 */
export function readGroupsClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value !== 'string') return [];
  const inner = value.trim().replace(/^\[/, '').replace(/\]$/, '');
  return inner.split(/[\s,]+/).filter((g) => g.length > 0);
}

function add<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key) ?? new Set<T>();
  set.add(value);
  map.set(key, set);
}

/** The caller the claims describe, or undefined when they name nobody. */
export function callerFromClaims(claims: Record<string, unknown>): Caller | undefined {
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  const roles = new Map<string, Set<StaffRole>>();
  const divisions = new Map<string, Set<string>>();
  for (const group of readGroupsClaim(claims['cognito:groups'])) {
    const parts = group.split(':');
    const [agency, kind, division] = parts;
    // Anything not in the two group shapes is ignored rather than trusted.
    if (!agency || !kind || !SEGMENT.test(agency)) continue;
    if (parts.length === 2 && isStaffRole(kind)) add(roles, agency, kind);
    if (parts.length === 3 && kind === 'division' && division && SEGMENT.test(division)) {
      add(divisions, agency, division);
    }
  }
  const name = [claims.email, claims.username, claims['cognito:username'], sub].find(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
  return { sub, name: name ?? sub, roles, divisions };
}

export function holdsRole(caller: Caller, agencyId: string, role: StaffRole): boolean {
  return caller.roles.get(agencyId)?.has(role) ?? false;
}

export function belongsToDivision(caller: Caller, agencyId: string, division: string): boolean {
  return caller.divisions.get(agencyId)?.has(division) ?? false;
}

export function belongsToAgency(caller: Caller, agencyId: string): boolean {
  return (
    (caller.roles.get(agencyId)?.size ?? 0) > 0 || (caller.divisions.get(agencyId)?.size ?? 0) > 0
  );
}
