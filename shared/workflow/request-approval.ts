/**
 * A waiting step of the state machine: record the pending approval with the
 * step's task token, mark where the item waits, and tell the approvers (a
 * reminder and an escalation are the same step asking again, with a new
 * token, after a timeout).
 */

import type { Approval } from './approval.js';
import { itemApprovalId, outputOf, signOffApprovalId } from './approval.js';
import { approvalNotice } from './approval-notice.js';
import type { ApprovalStore, NoticeQueue, RoundStore, SubmissionStore, Workflow } from './ports.js';
import { SIGN_OFF_ROLE } from './roles.js';
import type { ApprovalTask } from './workflow-payloads.js';

export interface RequestApprovalPorts {
  approvals: ApprovalStore;
  rounds: RoundStore;
  submissions: SubmissionStore;
  notices: NoticeQueue;
  workflow: Workflow;
  now: () => Date;
}

export type RequestOutcome =
  | { kind: 'waiting'; approval: Approval }
  /** Decided between the timeout and this step: the decision is handed straight back. */
  | { kind: 'already-decided'; approval: Approval };

function approvalOf(task: ApprovalTask, at: string): Approval {
  if (task.kind === 'item') {
    const { submission: s, role, step } = task;
    return {
      approvalId: itemApprovalId(s.agencyId, s.roundId, s.itemNo, s.version, step),
      agencyId: s.agencyId,
      roundId: s.roundId,
      subject: {
        kind: 'item',
        itemNo: s.itemNo,
        division: s.division,
        version: s.version,
        uploadedBy: s.uploadedBy,
      },
      step,
      role,
      status: 'pending',
      phase: task.phase,
      requestedAt: at,
    };
  }
  const { agencyId, roundId, attempt } = task.signOff;
  return {
    approvalId: signOffApprovalId(agencyId, roundId, attempt),
    agencyId,
    roundId,
    subject: { kind: 'sign-off', attempt },
    step: 0,
    role: SIGN_OFF_ROLE,
    status: 'pending',
    phase: task.phase,
    requestedAt: at,
  };
}

export async function requestApproval(
  ports: RequestApprovalPorts,
  task: ApprovalTask,
): Promise<RequestOutcome> {
  const now = ports.now();
  const at = now.toISOString();
  const wanted = approvalOf(task, at);
  const existing = await ports.approvals.get(wanted.agencyId, wanted.approvalId);
  // Keep the first request time: the inbox orders by how long something has waited.
  const approval: Approval = existing
    ? { ...wanted, requestedAt: existing.approval.requestedAt }
    : wanted;
  if (!(await ports.approvals.recordPending(approval, task.taskToken))) {
    const decided = (await ports.approvals.get(approval.agencyId, approval.approvalId))?.approval;
    const output = decided && outputOf(decided);
    if (!decided || !output)
      throw new Error(`approval ${approval.approvalId} is neither pending nor decided`);
    await ports.workflow.resume(task.taskToken, output);
    return { kind: 'already-decided', approval: decided };
  }
  if (task.kind === 'item') {
    const ref = task.submission;
    await ports.submissions.setVersionStatus(ref, 'awaiting-approval', task.role);
    await ports.rounds.setItemStatus(ref, 'awaiting-approval', at, task.role);
  }
  await ports.notices.send(approvalNotice(approval, now));
  return { kind: 'waiting', approval };
}
