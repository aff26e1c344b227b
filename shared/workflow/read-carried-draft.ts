/**
 * A division's FY draft carried over from its approved H1 version, for the
 * portal to offer: download it, or submit it as it is. It is only a starting
 * point — submitting it goes through the normal upload and intake, so the FY
 * report holds only what was approved in the FY round itself. The answer says
 * which H1 version it is and when that version was approved, so the portal
 * can mark it as such.
 */

import type { ValidationProblem } from '../validation/validation-problem.js';
import type { Approval } from './approval.js';
import { itemApprovalId } from './approval.js';
import { mayReadRound, mayUpload } from './authorisation.js';
import type { Caller } from './caller.js';
import { type CarriedDraft, carriedDraftKey } from './carry-over.js';
import { findRoundItem } from './find-round-item.js';
import type { ApprovalStore, ObjectStore, RoundStore } from './ports.js';
import { workflowProblem } from './workflow-messages.js';

export interface ReadCarriedDraftPorts {
  rounds: Pick<RoundStore, 'getRoundItem' | 'getRoundHeader'>;
  approvals: Pick<ApprovalStore, 'getMany'>;
  objects: Pick<ObjectStore, 'getJsonIfPresent'>;
  bucket: string;
}

export interface CarriedDraftDocument extends CarriedDraft {
  agencyId: string;
  roundId: string;
  itemNo: number;
  /** When the H1 version's last approval step was decided; absent if the trail has none (never invented). */
  approvedAt?: string;
}

export type ReadCarriedDraftOutcome =
  | { kind: 'found'; document: CarriedDraftDocument }
  | { kind: 'not-found' | 'forbidden'; problems: ValidationProblem[] };

/** The last step's decision on the H1 version: the moment it was approved. */
function approvedAtOf(approvals: readonly Approval[], lastStepId: string): string | undefined {
  const last = approvals.find((a) => a.approvalId === lastStepId);
  return last?.status === 'approved' ? last.decidedAt : undefined;
}

export async function readCarriedDraft(
  ports: ReadCarriedDraftPorts,
  caller: Caller,
  where: { agencyId: string; roundId: string; itemNo: number },
): Promise<ReadCarriedDraftOutcome> {
  const { agencyId, roundId, itemNo } = where;
  // Nothing of another agency is read, not even whether the round exists.
  const outsider = mayReadRound(caller, agencyId);
  if (outsider) return { kind: 'forbidden', problems: [outsider] };
  const found = await findRoundItem(ports.rounds, where);
  if (found.kind === 'not-found') return found;
  const { item } = found;
  // The draft is there to be submitted: whoever may upload the item may read it.
  const denied = mayUpload(caller, agencyId, item);
  if (denied) return { kind: 'forbidden', problems: [denied] };
  // Written by the carry-over from the validated, published H1 report.
  const draft = (await ports.objects.getJsonIfPresent(
    ports.bucket,
    carriedDraftKey(agencyId, roundId, itemNo),
  )) as CarriedDraft | undefined;
  if (!draft) {
    return {
      kind: 'not-found',
      problems: [workflowProblem('carried.none', '$', { itemNo, roundId })],
    };
  }
  const { roundId: h1Id, itemVersion } = draft.carriedFrom;
  // H1's own chain says which step's decision approved the version.
  const h1 = await ports.rounds.getRoundHeader(agencyId, h1Id);
  const stepIds = (h1?.round.approvalChain ?? []).map((_, step) =>
    itemApprovalId(agencyId, h1Id, itemNo, itemVersion, step),
  );
  const approvals = stepIds.length > 0 ? await ports.approvals.getMany(agencyId, stepIds) : [];
  const approvedAt = approvedAtOf(approvals, stepIds[stepIds.length - 1] ?? '');
  return {
    kind: 'found',
    document: { agencyId, roundId, itemNo, ...draft, ...(approvedAt ? { approvedAt } : {}) },
  };
}
