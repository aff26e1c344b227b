/**
 * What the workflow keeps about a round and its plan items beside the round
 * document itself: who opened it, each item's current version and where it
 * waits, and the state of the agency head's sign-off.
 */

import type { Round } from '../schemas/round-schema.js';
import type { WaitingRole } from './roles.js';
import type { VersionStatus } from './submission-version.js';

export type SignOffState = 'requested' | 'approved' | 'returned' | 'expired';

export interface SignOff {
  state: SignOffState;
  /** 1 for the first request; a returned sign-off is requested again as attempt 2, … */
  attempt: number;
  at: string;
  /** Cognito sub of the head: the audit trail's stable id. */
  by?: string;
  byName?: string;
  byPosition?: string;
}

export interface RoundRecord {
  agencyId: string;
  roundId: string;
  round: Round;
  openedBy: string;
  openedAt: string;
  signOff?: SignOff;
  /** The latest published version of the report (1, 2, …). */
  publishedVersion?: number;
}

/** A round's line in its agency's list of rounds. */
export interface RoundListing {
  agencyId: string;
  roundId: string;
  fiscalYear: number;
  period: Round['period'];
  due: string;
  items: number;
  openedAt: string;
}

/** One plan item's progress through the workflow. Absent until a version is accepted. */
export interface ItemState {
  itemNo: number;
  division: string;
  currentVersion?: number;
  status?: VersionStatus;
  waitingOn?: WaitingRole;
  approvedVersion?: number;
  /** The latest upload that was refused, so status can say "rejected, fix and resend". */
  lastRejectedUploadId?: string;
  lastRejectedAt?: string;
  updatedAt: string;
}

/**
 * Whether every plan item's current version is approved: the moment the
 * round can be rolled up and sent for sign-off.
 */
export function isRoundFullyApproved(round: Round, items: readonly ItemState[]): boolean {
  const byNo = new Map(items.map((s) => [s.itemNo, s]));
  return round.items.every((item) => {
    const state = byNo.get(item.no);
    return (
      state?.approvedVersion !== undefined &&
      state.currentVersion === state.approvedVersion &&
      state.status === 'approved'
    );
  });
}

/** A sign-off may be requested when none is under way or done; a returned or expired one may be asked again. */
export function nextSignOffAttempt(signOff: SignOff | undefined): number | undefined {
  if (!signOff) return 1;
  if (signOff.state === 'returned' || signOff.state === 'expired') return signOff.attempt + 1;
  return undefined;
}
