/**
 * Where a sign-off attempt's rolled-up draft lives. A file of its own: the
 * sign-off preview (get-draft) needs the key, not the roll-up, whose
 * submission schema is built when its module loads.
 */

import { DRAFTS_PREFIX } from './object-prefixes.js';
import type { SignOffRef } from './workflow-payloads.js';

export function draftReportKey(ref: SignOffRef): string {
  return `${DRAFTS_PREFIX}${ref.agencyId}/${ref.roundId}/a${ref.attempt}/report.json`;
}
