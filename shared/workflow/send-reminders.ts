/**
 * The coordinator's "remind": every division whose item still needs a
 * report (never sent, refused, returned or run out of time) and every
 * approver an item or the sign-off waits for is sent a notice now, through
 * the approvals queue the notifier already reads. The state machine's own
 * timed reminders and escalation carry on unchanged; this is a nudge.
 *
 * A large round has thousands of reminders, so they go out ten to a queue
 * call. Each is sent at most once per Bangkok day: the round's reminder run
 * of the day (ReminderLog) records the key of every reminder queued (the
 * notice without its send time), so a retried request (a timeout, a 503, a
 * second click) reminds nobody twice, and a reminder the queue refused is
 * sent by the retry. A lease keeps two requests at once from both sending.
 * A "remind" on a later day reminds again.
 */

import { createHash } from 'node:crypto';

import { bangkokDay } from '../people/digest-entry.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import { type Approval, itemApprovalId, signOffApprovalId } from './approval.js';
import { approvalNotice, type Notice, submissionReminder } from './approval-notice.js';
import { mayRemind } from './authorisation.js';
import type { Caller } from './caller.js';
import type { NoticeQueue, ReminderLog } from './ports.js';
import type { ItemState, RoundRecord } from './round-record.js';
import { roundStatus } from './round-status.js';
import { TransientError } from './transient-error.js';
import { workflowProblem } from './workflow-messages.js';

export interface SendRemindersPorts {
  rounds: {
    getRoundWithItems(
      agencyId: string,
      roundId: string,
    ): Promise<{ record: RoundRecord; items: ItemState[] } | undefined>;
  };
  approvals: { getMany(agencyId: string, approvalIds: readonly string[]): Promise<Approval[]> };
  notices: Pick<NoticeQueue, 'sendBatch'>;
  /** Which reminders of the round went out today (keys from `reminderKey`). */
  reminders: ReminderLog;
  now: () => Date;
}

export interface RemindersSent {
  /** Plan items whose division was reminded to report. */
  items: number[];
  /** Pending approvals whose approvers were reminded. */
  approvals: string[];
  /** Of those, reminders not sent again because they already went out today. */
  alreadyToday: number;
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
  const notices: Notice[] = [];
  for (const view of status.items) {
    if (NEEDS_REPORT.has(view.progress)) {
      notices.push(submissionReminder({ agencyId, roundId, ...itemOf(view) }, now));
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
    notices.push(approvalNotice({ ...approval, phase: 'reminder' }, now));
  }
  const alreadyToday = await sendOncePerDay(ports, where, notices, now);
  return {
    kind: 'sent',
    sent: { items, approvals: pending.map((a) => a.approvalId), alreadyToday },
  };
}

/** One SendMessageBatch call's worth. */
const CHUNK = 10;
/** Chunks in flight at once; each wave of them is then recorded in one write. */
const CHUNKS_PER_WAVE = 8;
/** Longer than the function's timeout: a run that died lets the next one in after this. */
const LEASE_MS = 60_000;

/** A reminder's key within its day: the notice without its send time (the same reminder, the same key). */
export function reminderKey(notice: Notice): string {
  const { sentAt: _sentAt, ...what } = notice;
  return createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 16);
}

/**
 * Sends each notice unless it already went out today; answers how many were
 * skipped for that. A wave's keys are recorded once its batches are queued;
 * a run that dies between the two resends at most that wave. Notices the
 * queue would not take are left unrecorded and make the request fail as
 * transient, so the caller's retry sends just those.
 */
async function sendOncePerDay(
  ports: Pick<SendRemindersPorts, 'notices' | 'reminders'>,
  run: { agencyId: string; roundId: string },
  notices: readonly Notice[],
  now: Date,
): Promise<number> {
  const today = { ...run, day: bangkokDay(now) };
  const sent = await ports.reminders.begin(today, now, LEASE_MS);
  if (!sent) {
    throw new TransientError(
      `Reminders for ${run.roundId} are being sent by another request; ask again shortly`,
    );
  }
  const keyed = notices.map((notice) => ({ notice, key: reminderKey(notice) }));
  const due = keyed.filter((r) => !sent.has(r.key));
  let unsent = 0;
  let failure: unknown;
  try {
    for (let start = 0; start < due.length; start += CHUNK * CHUNKS_PER_WAVE) {
      const wave = due.slice(start, start + CHUNK * CHUNKS_PER_WAVE);
      const chunks: (typeof due)[] = [];
      for (let i = 0; i < wave.length; i += CHUNK) chunks.push(wave.slice(i, i + CHUNK));
      // Every chunk settles before the next step, so nothing is still sending after a failure.
      const queued = await Promise.all(
        chunks.map(async (chunk) => {
          try {
            const refused = new Set(await ports.notices.sendBatch(chunk.map((r) => r.notice)));
            unsent += refused.size;
            return chunk.filter((r) => !refused.has(r.notice)).map((r) => r.key);
          } catch (error) {
            failure ??= error;
            unsent += chunk.length;
            return [];
          }
        }),
      );
      await ports.reminders.record(today, queued.flat());
    }
  } finally {
    await ports.reminders.end(today);
  }
  if (failure) throw failure;
  if (unsent > 0) {
    throw new TransientError(
      `${unsent} of ${notices.length} reminders could not be queued; asking again sends only those`,
    );
  }
  return keyed.length - due.length;
}

function itemOf(view: { no: number; division: string }) {
  return { itemNo: view.no, division: view.division };
}
