/**
 * The coordinator's "remind": every division whose item still needs a
 * report (never sent, refused, returned or run out of time) and every
 * approver an item or the sign-off waits for is sent a notice now, through
 * the approvals queue the notifier already reads. The state machine's own
 * timed reminders and escalation carry on unchanged; this is a nudge.
 */

import type { ValidationProblem } from '../validation/validation-problem.js';
import { type Approval, itemApprovalId, signOffApprovalId } from './approval.js';
import { approvalNotice, type Notice, submissionReminder } from './approval-notice.js';
import { mayRemind } from './authorisation.js';
import type { Caller } from './caller.js';
import type { ItemState, RoundRecord } from './round-record.js';
import { roundStatus } from './round-status.js';
import { workflowProblem } from './workflow-messages.js';

export interface SendRemindersPorts {
  rounds: {
    getRoundWithItems(
      agencyId: string,
      roundId: string,
    ): Promise<{ record: RoundRecord; items: ItemState[] } | undefined>;
  };
  approvals: { getMany(agencyId: string, approvalIds: readonly string[]): Promise<Approval[]> };
  notices: { send(notice: Notice): Promise<void> };
  now: () => Date;
}

export interface RemindersSent {
  /** Plan items whose division was reminded to report. */
  items: number[];
  /** Pending approvals whose approvers were reminded. */
  approvals: string[];
}

export type SendRemindersOutcome =
  | { kind: 'sent'; sent: RemindersSent }
  | { kind: 'not-found' | 'forbidden'; problems: ValidationProblem[] };

const NEEDS_REPORT = new Set(['missing', 'rejected', 'returned', 'expired']);

export async function sendReminders(
  ports: SendRemindersPorts,
  caller: Caller,
  where: { agencyId: string; roundId: string },
): Promise<SendRemindersOutcome> {
  const { agencyId, roundId } = where;
  const denied = mayRemind(caller, agencyId);
  if (denied) return { kind: 'forbidden', problems: [denied] };
  const found = await ports.rounds.getRoundWithItems(agencyId, roundId);
  if (!found) {
    return {
      kind: 'not-found',
      problems: [workflowProblem('round.notFound', '$', { agencyId, roundId })],
    };
  }
  const now = ports.now();
  const { round } = found.record;
  const status = roundStatus(found.record, found.items, now);
  const items: number[] = [];
  const waiting: string[] = [];
  for (const view of status.items) {
    if (NEEDS_REPORT.has(view.progress)) {
      await ports.notices.send(submissionReminder({ agencyId, roundId, ...itemOf(view) }, now));
      items.push(view.no);
    } else if (view.progress === 'awaiting-approval' && view.waitingOn && view.version) {
      const step = round.approvalChain.indexOf(view.waitingOn as never);
      if (step >= 0) waiting.push(itemApprovalId(agencyId, roundId, view.no, view.version, step));
    }
  }
  if (found.record.signOff?.state === 'requested') {
    waiting.push(signOffApprovalId(agencyId, roundId, found.record.signOff.attempt));
  }
  const pending = (await ports.approvals.getMany(agencyId, waiting)).filter(
    (approval) => approval.status === 'pending',
  );
  for (const approval of pending) {
    await ports.notices.send(approvalNotice({ ...approval, phase: 'reminder' }, now));
  }
  return { kind: 'sent', sent: { items, approvals: pending.map((a) => a.approvalId) } };
}

function itemOf(view: { no: number; division: string }) {
  return { itemNo: view.no, division: view.division };
}
