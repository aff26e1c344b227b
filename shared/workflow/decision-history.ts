/**
 * What the caller has decided in an agency, newest first: the approver's
 * history in the portal. Only their own decisions, so any member may ask.
 */

import type { ValidationProblem } from '../validation/validation-problem.js';
import type { Approval } from './approval.js';
import { mayReadRound } from './authorisation.js';
import type { Caller } from './caller.js';

export const MAX_HISTORY = 100;

export interface DecisionHistoryPorts {
  approvals: { listDecided(agencyId: string, sub: string, limit: number): Promise<Approval[]> };
}

export type DecisionHistoryOutcome =
  | { kind: 'listed'; decisions: Approval[] }
  | { kind: 'forbidden'; problems: ValidationProblem[] };

export async function decisionHistory(
  ports: DecisionHistoryPorts,
  caller: Caller,
  agencyId: string,
): Promise<DecisionHistoryOutcome> {
  const denied = mayReadRound(caller, agencyId);
  if (denied) return { kind: 'forbidden', problems: [denied] };
  const decisions = await ports.approvals.listDecided(agencyId, caller.sub, MAX_HISTORY);
  // A defence against a loose index: nothing decided by anyone else.
  return { kind: 'listed', decisions: decisions.filter((a) => a.decidedBy === caller.sub) };
}
