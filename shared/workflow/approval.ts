/**
 * An approval: one waiting step of the chain (or the round's sign-off), its
 * decision and who made it. The task token that resumes the state machine is
 * kept by the repository beside the record and never appears here, so nothing
 * that shapes an API response or a message can leak it.
 */

import type { WaitingRole } from './roles.js';

export type ApprovalStatus = 'pending' | 'approved' | 'returned' | 'expired';
/** How many times the step has asked: first request, reminder, escalation. */
export type ApprovalPhase = 'request' | 'reminder' | 'escalation';
export type Decision = 'approve' | 'return';

export interface ItemSubject {
  kind: 'item';
  itemNo: number;
  division: string;
  version: number;
  /** Cognito sub of whoever uploaded the version; they may not approve it. */
  uploadedBy: string;
}

export interface SignOffSubject {
  kind: 'sign-off';
  attempt: number;
}

export interface Approval {
  approvalId: string;
  agencyId: string;
  roundId: string;
  subject: ItemSubject | SignOffSubject;
  /** 0-based position in the chain; the sign-off is step 0 of its own. */
  step: number;
  role: WaitingRole;
  status: ApprovalStatus;
  phase: ApprovalPhase;
  requestedAt: string;
  decidedBy?: string;
  decidedByName?: string;
  /** The decider's position (ตำแหน่ง) when they decided; the sign-off prints it. */
  decidedByPosition?: string;
  decidedAt?: string;
  comment?: string;
}

/** What SendTaskSuccess hands back to the waiting step. */
export interface DecisionOutput {
  decision: 'approved' | 'returned';
  approvalId: string;
  by: string;
  byName: string;
  byPosition?: string;
  at: string;
  comment?: string;
}

/** The output of a decided approval; undefined while it is pending or expired. */
export function outputOf(approval: Approval): DecisionOutput | undefined {
  if (approval.status !== 'approved' && approval.status !== 'returned') return undefined;
  return {
    decision: approval.status,
    approvalId: approval.approvalId,
    by: approval.decidedBy ?? '',
    byName: approval.decidedByName ?? '',
    ...(approval.decidedByPosition ? { byPosition: approval.decidedByPosition } : {}),
    at: approval.decidedAt ?? '',
    ...(approval.comment ? { comment: approval.comment } : {}),
  };
}

/**
 * Approval ids are derived, not random: a retried request step finds the
 * same record, and an id says at a glance what it is about.
 */
export function itemApprovalId(
  agencyId: string,
  roundId: string,
  itemNo: number,
  version: number,
  step: number,
): string {
  return `${agencyId}.${roundId}.${itemNo}.v${version}.s${step}`;
}

export function signOffApprovalId(agencyId: string, roundId: string, attempt: number): string {
  return `${agencyId}.${roundId}.sign-off.a${attempt}`;
}

const APPROVAL_ID = /^[a-z0-9-]+\.\d{4}-(?:h1|fy)\.(?:\d+\.v\d+\.s\d+|sign-off\.a\d+)$/;

/** Whether a path parameter can be an approval id at all (cheap check before a read). */
export function isApprovalId(value: string): boolean {
  return value.length <= 200 && APPROVAL_ID.test(value);
}

/** Who should see a pending approval: the role, narrowed to a division for its director. */
export interface Audience {
  agencyId: string;
  role: WaitingRole;
  division?: string;
}

export function audienceOf(approval: Pick<Approval, 'agencyId' | 'role' | 'subject'>): Audience {
  if (approval.role === 'division-director' && approval.subject.kind === 'item') {
    return {
      agencyId: approval.agencyId,
      role: approval.role,
      division: approval.subject.division,
    };
  }
  return { agencyId: approval.agencyId, role: approval.role };
}

/** The agency an approval id belongs to (its first segment). */
export function agencyOfApprovalId(approvalId: string): string {
  return approvalId.slice(0, approvalId.indexOf('.'));
}
