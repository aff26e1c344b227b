/**
 * A round's header and one plan item, or the not-found answer every item
 * route gives: the round never opened, or the plan has no such number.
 */

import { makeProblem } from '../validation/make-problem.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import type { RoundStore } from './ports.js';
import type { RoundItem } from './round-header.js';
import { workflowProblem } from './workflow-messages.js';

export type FoundRoundItem =
  | ({ kind: 'found' } & RoundItem)
  | { kind: 'not-found'; problems: ValidationProblem[] };

export async function findRoundItem(
  rounds: Pick<RoundStore, 'getRoundItem'>,
  where: { agencyId: string; roundId: string; itemNo: number },
): Promise<FoundRoundItem> {
  const { agencyId, roundId, itemNo } = where;
  const found = await rounds.getRoundItem(agencyId, roundId, itemNo);
  if (!found) {
    return {
      kind: 'not-found',
      problems: [workflowProblem('round.notFound', '$', { agencyId, roundId })],
    };
  }
  const { header, item } = found;
  if (!item) {
    return {
      kind: 'not-found',
      problems: [makeProblem('submission.unknownItem', '$.itemNo', { itemNo })],
    };
  }
  return { kind: 'found', header, item };
}
