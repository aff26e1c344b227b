/**
 * The person behind an API request, as the JWT authorizer's claims describe
 * them. Parsing lives here, beside the rules that use it, so the rules never
 * see raw claims.
 */

import { isStaffRole, NATIONAL_OPERATOR_GROUP, type StaffRole } from './roles.js';

export interface Caller {
  /** Cognito `sub`: stable for the life of the user, unlike the username. */
  sub: string;
  /**
   * Display name (the Cognito `name` attribute), printed beside a decision
   * and on the published sign-off. Never an e-mail address: a report is
   * public, and Thailand's PDPA keeps addresses out of it.
   */
  name: string;
  /** Position (ตำแหน่ง), the `custom:position` attribute; the sign-off prints it. */
  position?: string;
  /** agency id → the roles held there. */
  roles: ReadonlyMap<string, ReadonlySet<StaffRole>>;
  /** agency id → the divisions the caller belongs to there. */
  divisions: ReadonlyMap<string, ReadonlySet<string>>;
  /** Holds the national operator's group (creates agencies; no role inside one). */
  nationalOperator?: boolean;
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
  let nationalOperator = false;
  for (const group of readGroupsClaim(claims['cognito:groups'])) {
    if (group === NATIONAL_OPERATOR_GROUP) nationalOperator = true;
    const parts = group.split(':');
    const [agency, kind, division] = parts;
    // Anything not in the two group shapes is ignored rather than trusted.
    if (!agency || !kind || !SEGMENT.test(agency)) continue;
    if (parts.length === 2 && isStaffRole(kind)) add(roles, agency, kind);
    if (parts.length === 3 && kind === 'division' && division && SEGMENT.test(division)) {
      add(divisions, agency, division);
    }
  }
  // The e-mail claim is never a name; a username that is an address is skipped too.
  const name = [claims.name, claims['cognito:username'], claims.username].find(
    (v): v is string => typeof v === 'string' && v.trim().length > 0 && !v.includes('@'),
  );
  const position = claims['custom:position'];
  return {
    sub,
    name: name?.trim() ?? sub,
    ...(typeof position === 'string' && position.trim() ? { position: position.trim() } : {}),
    roles,
    divisions,
    ...(nationalOperator ? { nationalOperator } : {}),
  };
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
