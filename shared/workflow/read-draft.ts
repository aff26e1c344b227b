/**
 * The rolled-up report waiting for the agency head's sign-off (the latest
 * attempt's draft), for the sign-off preview in the portal.
 */

import type { Report } from '../schemas/report-schema.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import { mayReadDraft } from './authorisation.js';
import type { Caller } from './caller.js';
import type { RoundStore } from './ports.js';
import { draftReportKey } from './roll-up-round.js';
import type { SignOff } from './round-record.js';
import { workflowProblem } from './workflow-messages.js';

export interface ReadDraftPorts {
  rounds: Pick<RoundStore, 'getRoundHeader'>;
  objects: { getJson(bucket: string, key: string): Promise<unknown> };
  bucket: string;
}

export type ReadDraftOutcome =
  | {
      kind: 'found';
      draft: { agencyId: string; roundId: string; signOff: SignOff; report: Report };
    }
  | { kind: 'not-found' | 'forbidden'; problems: ValidationProblem[] };

export async function readDraft(
  ports: ReadDraftPorts,
  caller: Caller,
  where: { agencyId: string; roundId: string },
): Promise<ReadDraftOutcome> {
  const { agencyId, roundId } = where;
  const denied = mayReadDraft(caller, agencyId);
  if (denied) return { kind: 'forbidden', problems: [denied] };
  const record = await ports.rounds.getRoundHeader(agencyId, roundId);
  if (!record) {
    return {
      kind: 'not-found',
      problems: [workflowProblem('round.notFound', '$', { agencyId, roundId })],
    };
  }
  const { signOff } = record;
  if (!signOff) {
    return { kind: 'not-found', problems: [workflowProblem('draft.notYet', '$', { roundId })] };
  }
  const key = draftReportKey({ agencyId, roundId, attempt: signOff.attempt });
  // Written by the roll-up from validated versions, after buildReport checked it.
  const report = (await ports.objects.getJson(ports.bucket, key)) as Report;
  return { kind: 'found', draft: { agencyId, roundId, signOff, report } };
}
