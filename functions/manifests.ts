/**
 * Every function's manifest, for infra and the local stack (a handler
 * imports only its own). Adding a function is adding its folder and a line
 * here; infra builds it from the manifest.
 */

import { manifest as approvalRequest } from './approval-request/manifest.js';
import { manifest as changePersonGroups } from './change-person-groups/manifest.js';
import type { FunctionManifest } from './common/function-manifest.js';
import { manifest as createAgency } from './create-agency/manifest.js';
import { manifest as decideApproval } from './decide-approval/manifest.js';
import { manifest as disablePerson } from './disable-person/manifest.js';
import { manifest as getCarriedDraft } from './get-carried-draft/manifest.js';
import { manifest as getDraft } from './get-draft/manifest.js';
import { manifest as getItem } from './get-item/manifest.js';
import { manifest as getRound } from './get-round/manifest.js';
import { manifest as getUpload } from './get-upload/manifest.js';
import { manifest as getVersion } from './get-version/manifest.js';
import { manifest as intake } from './intake/manifest.js';
import { manifest as invitePerson } from './invite-person/manifest.js';
import { manifest as listApprovals } from './list-approvals/manifest.js';
import { manifest as listDecisions } from './list-decisions/manifest.js';
import { manifest as listPeople } from './list-people/manifest.js';
import { manifest as listPeopleChanges } from './list-people-changes/manifest.js';
import { manifest as listRounds } from './list-rounds/manifest.js';
import { manifest as notifyApprovers } from './notify-approvers/manifest.js';
import { manifest as openFyFromH1 } from './open-fy-from-h1/manifest.js';
import { manifest as openRound } from './open-round/manifest.js';
import { manifest as publishReport } from './publish-report/manifest.js';
import { manifest as recordOutcome } from './record-outcome/manifest.js';
import { manifest as requestUpload } from './request-upload/manifest.js';
import { manifest as rollUpRound } from './roll-up-round/manifest.js';
import { manifest as roundStatus } from './round-status/manifest.js';
import { manifest as sendDigest } from './send-digest/manifest.js';
import { manifest as sendReminders } from './send-reminders/manifest.js';

export const MANIFESTS: readonly FunctionManifest[] = [
  // The API's routes, in the order the API declares them.
  openRound,
  openFyFromH1,
  getRound,
  roundStatus,
  requestUpload,
  getUpload,
  listApprovals,
  decideApproval,
  listRounds,
  getItem,
  getVersion,
  getCarriedDraft,
  getDraft,
  listDecisions,
  sendReminders,
  // The people screen and the national operator.
  listPeople,
  invitePerson,
  changePersonGroups,
  disablePerson,
  listPeopleChanges,
  createAgency,
  // Queue consumers and the state machine's tasks.
  intake,
  notifyApprovers,
  approvalRequest,
  recordOutcome,
  rollUpRound,
  publishReport,
  // On a schedule.
  sendDigest,
];

/** The catalogue a stack is built from: by default every manifest above. */
export type ManifestCatalog = ReadonlyMap<string, FunctionManifest>;

export function manifestCatalog(
  manifests: readonly FunctionManifest[] = MANIFESTS,
): ManifestCatalog {
  return new Map(manifests.map((m) => [m.name, m]));
}
