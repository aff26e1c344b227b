/**
 * The rounds of an agency, newest first, for anyone in it: what the portal
 * offers to choose from (the newest is the one being reported on).
 */

import type { ValidationProblem } from '../validation/validation-problem.js';
import { mayReadRound } from './authorisation.js';
import type { Caller } from './caller.js';
import { newestRoundFirst } from './round-order.js';
import type { RoundListing } from './round-record.js';

export interface ListRoundsPorts {
  rounds: { listRounds(agencyId: string): Promise<RoundListing[]> };
}

export type ListRoundsOutcome =
  | { kind: 'listed'; rounds: RoundListing[] }
  | { kind: 'forbidden'; problems: ValidationProblem[] };

export async function listRounds(
  ports: ListRoundsPorts,
  caller: Caller,
  agencyId: string,
): Promise<ListRoundsOutcome> {
  const denied = mayReadRound(caller, agencyId);
  if (denied) return { kind: 'forbidden', problems: [denied] };
  const rounds = await ports.rounds.listRounds(agencyId);
  rounds.sort(newestRoundFirst);
  return { kind: 'listed', rounds };
}
