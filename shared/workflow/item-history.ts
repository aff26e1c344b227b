/**
 * One plan item as its division and its approvers follow it: where it stands,
 * every version with the decisions taken on it (who, when, the comment of a
 * return), and the problems of the latest refused upload. What the portal's
 * item page shows; the round status is the coordinator's overview.
 */

import type { PlanItemValue } from '../schemas/round-schema.js';
import { makeProblem } from '../validation/make-problem.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import { type Approval, itemApprovalId } from './approval.js';
import { mayReadItem, mayReadRound } from './authorisation.js';
import type { Caller } from './caller.js';
import type { SubmissionStore } from './ports.js';
import type { ItemState, RoundRecord } from './round-record.js';
import { type ItemStatusView, roundStatus } from './round-status.js';
import type { SubmissionVersion } from './submission-version.js';
import { uploadView } from './upload-record.js';
import { workflowProblem } from './workflow-messages.js';

/** Enough history for any real item; BatchGetItem takes 100 keys, five steps each. */
export const MAX_HISTORY_VERSIONS = 20;

export interface ItemHistoryPorts {
  rounds: {
    getRoundWithItems(
      agencyId: string,
      roundId: string,
    ): Promise<{ record: RoundRecord; items: ItemState[] } | undefined>;
  };
  submissions: Pick<SubmissionStore, 'listVersions' | 'getUpload'>;
  approvals: { getMany(agencyId: string, approvalIds: readonly string[]): Promise<Approval[]> };
  now: () => Date;
}

export interface DecisionView {
  approvalId: string;
  step: number;
  role: Approval['role'];
  status: Approval['status'];
  phase: Approval['phase'];
  requestedAt: string;
  decidedByName?: string;
  decidedAt?: string;
  comment?: string;
}

export interface VersionView {
  version: number;
  status: SubmissionVersion['status'];
  waitingOn?: SubmissionVersion['waitingOn'];
  uploadedAt: string;
  format: SubmissionVersion['source']['format'];
  sha256: string;
  decisions: DecisionView[];
}

export interface ItemHistory {
  agencyId: string;
  roundId: string;
  item: PlanItemValue;
  approvalChain: readonly string[];
  status: ItemStatusView;
  /** Newest first. */
  versions: VersionView[];
  lastRejected?: ReturnType<typeof uploadView>;
}

export type ItemHistoryOutcome =
  | { kind: 'found'; history: ItemHistory }
  | { kind: 'not-found' | 'forbidden'; problems: ValidationProblem[] };

function decisionView(approval: Approval): DecisionView {
  return {
    approvalId: approval.approvalId,
    step: approval.step,
    role: approval.role,
    status: approval.status,
    phase: approval.phase,
    requestedAt: approval.requestedAt,
    ...(approval.decidedByName ? { decidedByName: approval.decidedByName } : {}),
    ...(approval.decidedAt ? { decidedAt: approval.decidedAt } : {}),
    ...(approval.comment ? { comment: approval.comment } : {}),
  };
}

export async function itemHistory(
  ports: ItemHistoryPorts,
  caller: Caller,
  where: { agencyId: string; roundId: string; itemNo: number },
): Promise<ItemHistoryOutcome> {
  const { agencyId, roundId, itemNo } = where;
  // Nothing of another agency is read, not even whether the round exists.
  const outsider = mayReadRound(caller, agencyId);
  if (outsider) return { kind: 'forbidden', problems: [outsider] };
  const found = await ports.rounds.getRoundWithItems(agencyId, roundId);
  if (!found) {
    return {
      kind: 'not-found',
      problems: [workflowProblem('round.notFound', '$', { agencyId, roundId })],
    };
  }
  const { round } = found.record;
  const item = round.items[itemNo - 1];
  if (!item) {
    return {
      kind: 'not-found',
      problems: [makeProblem('submission.unknownItem', '$.itemNo', { itemNo })],
    };
  }
  const denied = mayReadItem(caller, agencyId, item.division);
  if (denied) return { kind: 'forbidden', problems: [denied] };

  const state = found.items.find((s) => s.itemNo === itemNo);
  const status = roundStatus(found.record, state ? [state] : [], ports.now()).items[itemNo - 1];
  const versions = await ports.submissions.listVersions(
    agencyId,
    roundId,
    itemNo,
    MAX_HISTORY_VERSIONS,
  );
  const ids = versions.flatMap((v) =>
    round.approvalChain.map((_, step) =>
      itemApprovalId(agencyId, roundId, itemNo, v.version, step),
    ),
  );
  const approvals = await ports.approvals.getMany(agencyId, ids);
  const rejected = state?.lastRejectedUploadId
    ? await ports.submissions.getUpload(agencyId, state.lastRejectedUploadId)
    : undefined;
  const history: ItemHistory = {
    agencyId,
    roundId,
    item,
    approvalChain: round.approvalChain,
    status: status as ItemStatusView,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      ...(v.waitingOn ? { waitingOn: v.waitingOn } : {}),
      uploadedAt: v.uploadedAt,
      format: v.source.format,
      sha256: v.source.sha256,
      decisions: approvals
        .filter((a) => a.subject.kind === 'item' && a.subject.version === v.version)
        .sort((a, b) => a.step - b.step)
        .map(decisionView),
    })),
    ...(rejected ? { lastRejected: uploadView(rejected) } : {}),
  };
  return { kind: 'found', history };
}
