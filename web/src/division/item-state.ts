/**
 * Where a plan item stands for its division, from the item's history (and
 * an upload this page is still waiting on): the one line the division reads
 * first. Pure, so each state is unit-tested.
 */

import type { ValidationProblem } from '../../../shared/validation/validation-problem.js';
import type { ItemHistory } from '../../../shared/workflow/item-history.js';
import type { WaitingRole } from '../../../shared/workflow/roles.js';

export type ItemState =
  | { kind: 'missing' }
  | { kind: 'validating' }
  | { kind: 'rejected'; problems: ValidationProblem[]; problemCount: number; at: string }
  | { kind: 'waiting'; role: WaitingRole; since: string; version: number }
  | { kind: 'returned'; role: WaitingRole; comment: string; at: string; version: number }
  | { kind: 'expired'; version: number }
  | { kind: 'approved'; version: number };

export function itemStateOf(history: ItemHistory, uploading = false): ItemState {
  if (uploading) return { kind: 'validating' };
  const latest = history.versions[0];
  const rejected = history.lastRejected;
  // A refused upload after the latest version is what the division must act on now.
  if (
    rejected?.status === 'rejected' &&
    (!latest || (rejected.settledAt ?? '') > latest.uploadedAt)
  ) {
    return {
      kind: 'rejected',
      problems: rejected.problems ?? [],
      problemCount: rejected.problemCount ?? rejected.problems?.length ?? 0,
      at: rejected.settledAt ?? rejected.requestedAt,
    };
  }
  if (!latest) return { kind: 'missing' };
  switch (latest.status) {
    case 'approved':
      return { kind: 'approved', version: latest.version };
    case 'expired':
      return { kind: 'expired', version: latest.version };
    case 'returned': {
      const returned = latest.decisions.find((d) => d.status === 'returned');
      return {
        kind: 'returned',
        role: returned?.role ?? 'division-director',
        comment: returned?.comment ?? '',
        at: returned?.decidedAt ?? latest.uploadedAt,
        version: latest.version,
      };
    }
    default: {
      const pending = latest.decisions.find((d) => d.status === 'pending');
      return {
        kind: 'waiting',
        role: pending?.role ?? latest.waitingOn ?? history.status.waitingOn ?? 'division-director',
        since: pending?.requestedAt ?? latest.uploadedAt,
        version: latest.version,
      };
    }
  }
}
