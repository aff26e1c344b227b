/** Which six-month round the coordinator's screen offers to continue as an annual round. */

import { roundIdOf } from '../../../shared/workflow/round-id.js';
import type { RoundListing } from '../api/portal-api.js';

/** The newest six-month round whose annual round is not in the list (rounds come newest first). */
export function h1WithoutFy(rounds: readonly RoundListing[]): RoundListing | undefined {
  const open = new Set(rounds.map((r) => r.roundId));
  return rounds.find((r) => r.period === 'H1' && !open.has(roundIdOf(r.fiscalYear, 'FY')));
}
