/**
 * The coordinator's view of a round: for each plan item, where it stands;
 * which divisions have not submitted; whether the round is overdue.
 */

import { type DivisionName, divisionName } from '../people/division-names.js';
import type { Round } from '../schemas/round-schema.js';
import type { WaitingRole } from './roles.js';
import type { ItemState, RoundRecord, SignOff } from './round-record.js';

export type ItemProgress =
  | 'missing'
  | 'rejected'
  | 'awaiting-approval'
  | 'returned'
  | 'expired'
  | 'approved';

export interface ItemStatusView {
  no: number;
  title: string;
  division: string;
  /**
   * What people read: the round's name for the division, or its code if it
   * names none. Always set here; optional for readers of an older server.
   */
  divisionName?: DivisionName;
  progress: ItemProgress;
  version?: number;
  waitingOn?: WaitingRole;
  approvedVersion?: number;
  updatedAt?: string;
}

export interface RoundStatus {
  agencyId: string;
  roundId: string;
  due: string;
  overdue: boolean;
  counts: Record<ItemProgress, number>;
  /** Divisions with at least one item that has no accepted version yet, in plan order. */
  missingDivisions: string[];
  /** The same divisions by name, in the same order (optional as above). */
  missingDivisionNames?: DivisionName[];
  items: ItemStatusView[];
  signOff?: SignOff;
  publishedVersion?: number;
}

function progressOf(state: ItemState | undefined): ItemProgress {
  if (!state?.currentVersion) return state?.lastRejectedUploadId ? 'rejected' : 'missing';
  return state.status ?? 'awaiting-approval';
}

/** The end of the due date in Bangkok (UTC+7, no daylight saving). */
function dueEnds(due: string): number {
  return Date.parse(`${due}T23:59:59.999+07:00`);
}

export function roundStatus(
  record: RoundRecord,
  items: readonly ItemState[],
  now: Date,
): RoundStatus {
  const round: Round = record.round;
  const byNo = new Map(items.map((s) => [s.itemNo, s]));
  const counts: Record<ItemProgress, number> = {
    missing: 0,
    rejected: 0,
    'awaiting-approval': 0,
    returned: 0,
    expired: 0,
    approved: 0,
  };
  const missing = new Set<string>();
  const views = round.items.map((item): ItemStatusView => {
    const state = byNo.get(item.no);
    const progress = progressOf(state);
    counts[progress] += 1;
    if (progress === 'missing' || progress === 'rejected') missing.add(item.division);
    return {
      no: item.no,
      title: item.title,
      division: item.division,
      divisionName: divisionName(round, item.division),
      progress,
      ...(state?.currentVersion ? { version: state.currentVersion } : {}),
      ...(state?.waitingOn && progress === 'awaiting-approval'
        ? { waitingOn: state.waitingOn }
        : {}),
      ...(state?.approvedVersion ? { approvedVersion: state.approvedVersion } : {}),
      ...(state ? { updatedAt: state.updatedAt } : {}),
    };
  });
  const complete = counts.approved === round.items.length;
  return {
    agencyId: record.agencyId,
    roundId: record.roundId,
    due: round.due,
    overdue: !complete && now.getTime() > dueEnds(round.due),
    counts,
    missingDivisions: [...missing],
    missingDivisionNames: [...missing].map((code) => divisionName(round, code)),
    items: views,
    ...(record.signOff ? { signOff: record.signOff } : {}),
    ...(record.publishedVersion ? { publishedVersion: record.publishedVersion } : {}),
  };
}
