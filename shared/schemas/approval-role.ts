/**
 * The roles that can hold a step of a plan item's approval chain. Kept apart
 * from the round schema because the state machine's payloads name them too,
 * and the functions that only read those payloads need not build a round.
 */

import * as z from './zod-mini.js';

export const ApprovalRole = z.enum([
  'division-director',
  'anti-corruption-centre',
  'internal-audit',
]);
export type ApprovalRoleCode = z.output<typeof ApprovalRole>;

export const DEFAULT_APPROVAL_CHAIN: ApprovalRoleCode[] = [
  'division-director',
  'anti-corruption-centre',
];
