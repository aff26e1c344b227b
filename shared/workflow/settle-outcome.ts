/**
 * The end of a walk through the chain (or of a sign-off): record it on the
 * version, the item and the round, and tell whoever must act next. An
 * approved item may complete the round; exactly one execution wins the
 * claim to request the agency head's sign-off.
 */

import type { Approval } from './approval.js';
import { itemApprovalId, signOffApprovalId } from './approval.js';
import { divisionNotice, signOffNotice } from './approval-notice.js';
import type { ApprovalStore, NoticeQueue, RoundStore, SubmissionStore } from './ports.js';
import { isRoundFullyApproved, nextSignOffAttempt } from './round-record.js';
import type { OutcomeTask, SignOffRef } from './workflow-payloads.js';

export interface SettlePorts {
  approvals: ApprovalStore;
  rounds: RoundStore;
  submissions: SubmissionStore;
  notices: NoticeQueue;
  now: () => Date;
}

export type SettleResult = { roundReady: false } | { roundReady: true; signOff: SignOffRef };

type ItemOutcome = Extract<OutcomeTask, { kind: 'item' }>;

async function chainApprovals(ports: SettlePorts, task: ItemOutcome): Promise<Approval[]> {
  const s = task.submission;
  const ids = task.approvalChain.map((_, step) =>
    itemApprovalId(s.agencyId, s.roundId, s.itemNo, s.version, step),
  );
  return ports.approvals.getMany(s.agencyId, ids);
}

async function expirePending(ports: SettlePorts, approvals: readonly Approval[]): Promise<void> {
  for (const approval of approvals) {
    if (approval.status === 'pending')
      await ports.approvals.settle({ ...approval, status: 'expired' });
  }
}

async function settleItem(ports: SettlePorts, task: ItemOutcome): Promise<SettleResult> {
  const now = ports.now();
  const at = now.toISOString();
  const ref = task.submission;
  if (task.outcome === 'approved') {
    await ports.submissions.setVersionStatus(ref, 'approved');
    // A newer version has taken over: this approval completes nothing.
    if (!(await ports.rounds.setItemStatus(ref, 'approved', at))) return { roundReady: false };
    return claimSignOffIfComplete(ports, ref.agencyId, ref.roundId, at);
  }
  const approvals = await chainApprovals(ports, task);
  if (task.outcome === 'expired') await expirePending(ports, approvals);
  const comment = approvals.find((a) => a.status === 'returned')?.comment;
  await ports.submissions.setVersionStatus(ref, task.outcome);
  await ports.rounds.setItemStatus(ref, task.outcome, at);
  await ports.notices.send(divisionNotice(task.outcome, ref, now, comment));
  return { roundReady: false };
}

async function claimSignOffIfComplete(
  ports: SettlePorts,
  agencyId: string,
  roundId: string,
  at: string,
): Promise<SettleResult> {
  const found = await ports.rounds.getRoundWithItems(agencyId, roundId);
  if (!found || !isRoundFullyApproved(found.record.round, found.items))
    return { roundReady: false };
  const attempt = nextSignOffAttempt(found.record.signOff);
  if (attempt === undefined) return { roundReady: false };
  const claimed = await ports.rounds.claimSignOff(agencyId, roundId, {
    state: 'requested',
    attempt,
    at,
  });
  return claimed
    ? { roundReady: true, signOff: { agencyId, roundId, attempt } }
    : { roundReady: false };
}

export async function settleOutcome(ports: SettlePorts, task: OutcomeTask): Promise<SettleResult> {
  if (task.kind === 'item') return settleItem(ports, task);
  const now = ports.now();
  const { agencyId, roundId, attempt } = task.signOff;
  const approvalId = signOffApprovalId(agencyId, roundId, attempt);
  const [approval] = await ports.approvals.getMany(agencyId, [approvalId]);
  if (task.outcome === 'expired' && approval) await expirePending(ports, [approval]);
  await ports.rounds.settleSignOff(agencyId, roundId, {
    state: task.outcome,
    attempt,
    at: now.toISOString(),
    ...(task.decision
      ? {
          by: task.decision.by,
          byName: task.decision.byName,
          ...(task.decision.byPosition ? { byPosition: task.decision.byPosition } : {}),
        }
      : {}),
  });
  await ports.notices.send(signOffNotice(task.outcome, task.signOff, now, task.decision?.comment));
  return { roundReady: false };
}
