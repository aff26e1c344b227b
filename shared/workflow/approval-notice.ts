/**
 * The messages on the approvals queue and the words a person receives. A
 * notice names groups, not people: whoever holds the role (and, for a
 * division director, the division) when it is delivered is told, so a change
 * of staff between request and delivery does not send it to the wrong person.
 * A notice carries an approval id, never the task token.
 */

import * as z from '../schemas/zod-mini.js';
import { thaiNumber } from '../thai/thai-digits.js';
import type { Approval, ApprovalPhase } from './approval.js';
import { divisionGroupName, roleGroupName } from './roles.js';

export const NoticeSchema = z.strictObject({
  kind: z.enum([
    'approval-requested',
    'approval-reminder',
    'approval-escalated',
    'returned',
    'expired',
    'submission-reminder',
  ]),
  agencyId: z.string(),
  roundId: z.string(),
  /** Tell the members of every one of these groups (an intersection). */
  groups: z.array(z.string()).check(z.minLength(1)),
  approvalId: z.optional(z.string()),
  itemNo: z.optional(z.number().check(z.int())),
  version: z.optional(z.number().check(z.int())),
  role: z.optional(z.string()),
  comment: z.optional(z.string()),
  /** Since when the step has waited (the approval's request time). */
  waitingSince: z.optional(z.string()),
  sentAt: z.string(),
});
export type Notice = z.output<typeof NoticeSchema>;

const KIND_OF_PHASE: Record<ApprovalPhase, Notice['kind']> = {
  request: 'approval-requested',
  reminder: 'approval-reminder',
  escalation: 'approval-escalated',
};

/** Who hears about a waiting approval: its approvers; on escalation, the coordinator too. */
export function approvalNotice(approval: Approval, now: Date): Notice {
  const { agencyId, role, subject } = approval;
  const groups =
    approval.phase === 'escalation'
      ? [roleGroupName(agencyId, 'coordinator')]
      : role === 'division-director' && subject.kind === 'item'
        ? [roleGroupName(agencyId, role), divisionGroupName(agencyId, subject.division)]
        : [roleGroupName(agencyId, role)];
  return {
    kind: KIND_OF_PHASE[approval.phase],
    agencyId,
    roundId: approval.roundId,
    groups,
    approvalId: approval.approvalId,
    ...(subject.kind === 'item' ? { itemNo: subject.itemNo, version: subject.version } : {}),
    role,
    waitingSince: approval.requestedAt,
    sentAt: now.toISOString(),
  };
}

/** Tells a division its version went back (with the reason) or ran out of time. */
export function divisionNotice(
  kind: 'returned' | 'expired',
  ref: { agencyId: string; roundId: string; itemNo: number; division: string; version: number },
  now: Date,
  comment?: string,
): Notice {
  return {
    kind,
    agencyId: ref.agencyId,
    roundId: ref.roundId,
    // Groups intersect: division + coordinator would reach only a coordinator
    // inside that division. The division is told; the coordinator sees the
    // return in the round status.
    groups: [divisionGroupName(ref.agencyId, ref.division)],
    itemNo: ref.itemNo,
    version: ref.version,
    ...(comment ? { comment } : {}),
    sentAt: now.toISOString(),
  };
}

/** Tells the coordinator that the agency head returned or did not sign off the round. */
export function signOffNotice(
  kind: 'returned' | 'expired',
  ref: { agencyId: string; roundId: string },
  now: Date,
  comment?: string,
): Notice {
  return {
    kind,
    agencyId: ref.agencyId,
    roundId: ref.roundId,
    groups: [roleGroupName(ref.agencyId, 'coordinator')],
    role: 'agency-head',
    ...(comment ? { comment } : {}),
    sentAt: now.toISOString(),
  };
}

export const HEADLINE: Record<Notice['kind'], { th: string; en: string }> = {
  'approval-requested': { th: 'มีรายงานรอการพิจารณา', en: 'A report is waiting for your decision' },
  'approval-reminder': {
    th: 'เตือน: รายงานยังรอการพิจารณา',
    en: 'Reminder: a report is still waiting',
  },
  'approval-escalated': {
    th: 'แจ้งผู้ประสานงาน: รายงานรอการพิจารณาเกินกำหนด',
    en: 'Escalated: a report has waited past its time',
  },
  returned: { th: 'รายงานถูกส่งกลับให้แก้ไข', en: 'A report was returned for changes' },
  expired: { th: 'รายงานหมดเวลาพิจารณา', en: 'A report ran out of time for a decision' },
  'submission-reminder': {
    th: 'เตือน: กรุณาส่งรายงานผลการดำเนินงาน',
    en: 'Reminder: please send your progress report',
  },
};

/** Reminds a division that one of its plan items still needs a (new) report. */
export function submissionReminder(
  ref: { agencyId: string; roundId: string; itemNo: number; division: string },
  now: Date,
): Notice {
  return {
    kind: 'submission-reminder',
    agencyId: ref.agencyId,
    roundId: ref.roundId,
    groups: [divisionGroupName(ref.agencyId, ref.division)],
    itemNo: ref.itemNo,
    sentAt: now.toISOString(),
  };
}

/** The subject and body of a notice, Thai first, English after. */
export function renderNotice(notice: Notice): { subject: string; text: string } {
  const headline = HEADLINE[notice.kind];
  const what =
    notice.itemNo === undefined
      ? `รอบ ${notice.roundId} (ลงนามรับรองรายงาน / sign-off)`
      : notice.version === undefined
        ? `รอบ ${notice.roundId} แผนงานลำดับที่ ${thaiNumber(notice.itemNo)} / round ${notice.roundId}, plan item ${notice.itemNo}`
        : `รอบ ${notice.roundId} แผนงานลำดับที่ ${thaiNumber(notice.itemNo)} ฉบับที่ ${thaiNumber(notice.version)} / round ${notice.roundId}, plan item ${notice.itemNo}, version ${notice.version}`;
  const lines = [
    `${headline.th} — ${headline.en}`,
    `${notice.agencyId}: ${what}`,
    ...(notice.comment ? [`ความเห็น / comment: ${notice.comment}`] : []),
    ...(notice.approvalId ? [`approval: ${notice.approvalId}`] : []),
  ];
  return { subject: `[acm-report] ${headline.th} / ${headline.en}`, text: lines.join('\n') };
}
