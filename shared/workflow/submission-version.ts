/**
 * Submission versions: every accepted upload of a plan item becomes the next
 * version, immutable once written. These are the decisions about numbering,
 * replays and the "current" pointer; the repository carries them out with
 * conditional writes.
 */

import { createHash } from 'node:crypto';
import type { WaitingRole } from './roles.js';
import type { UploadFormat } from './upload-key.js';

export type VersionStatus = 'awaiting-approval' | 'approved' | 'returned' | 'expired';

/** Identifies one version of one plan item's submission. */
export interface SubmissionRef {
  agencyId: string;
  roundId: string;
  itemNo: number;
  division: string;
  version: number;
}

/** The uploaded object a version came from: what makes an S3 event a duplicate. */
export interface VersionSource {
  uploadId: string;
  key: string;
  etag: string;
  sha256: string;
  format: UploadFormat;
  size: number;
}

export interface SubmissionVersion extends SubmissionRef {
  source: VersionSource;
  /** S3 key of the converted, validated submission JSON. */
  documentKey: string;
  uploadedBy: string;
  uploadedAt: string;
  status: VersionStatus;
  waitingOn?: WaitingRole;
}

/** Names one upload's converted document beside the item's versions. */
export interface DocumentRef {
  agencyId: string;
  roundId: string;
  itemNo: number;
  uploadId: string;
}

export const documentRefOf = (version: SubmissionVersion): DocumentRef => ({
  agencyId: version.agencyId,
  roundId: version.roundId,
  itemNo: version.itemNo,
  uploadId: version.source.uploadId,
});

/**
 * The largest converted document (compact JSON, in bytes) kept in the table
 * beside its versions as well as in S3. A plan item's document is a few
 * KiB; a row this size stays far below DynamoDB's 400 KB item limit and
 * costs intake a few write units, and it lets the roll-up read a round's
 * documents 100 to a call instead of one S3 GET each. Larger documents are
 * read from S3 alone.
 */
export const KEPT_DOCUMENT_MAX_BYTES = 64 * 1024;

export function submissionId(ref: Omit<SubmissionRef, 'version' | 'division'>): string {
  return `${ref.agencyId}/${ref.roundId}/${ref.itemNo}`;
}

/** S3 ETags arrive quoted from some APIs and bare from events; compare them bare. */
export function bareEtag(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}

export function isSameSource(a: Pick<VersionSource, 'key' | 'etag'>, b: typeof a): boolean {
  return a.key === b.key && bareEtag(a.etag) === bareEtag(b.etag);
}

export type VersionClaim =
  /** The latest version already came from this very object: an S3 event replayed after a crash. */
  { kind: 'replay'; version: number } | { kind: 'claim'; version: number };

/**
 * The version number to claim for `source`, given the latest version
 * written. A concurrent upload may take the same number first; the
 * conditional write then fails and the caller asks again with the newer latest.
 */
export function nextVersion(
  latest: Pick<SubmissionVersion, 'version' | 'source'> | undefined,
  source: Pick<VersionSource, 'key' | 'etag'>,
): VersionClaim {
  if (!latest) return { kind: 'claim', version: 1 };
  if (isSameSource(latest.source, source)) return { kind: 'replay', version: latest.version };
  return { kind: 'claim', version: latest.version + 1 };
}

/** The current pointer only moves forward: an old version finishing late never hides a newer one. */
export function movesCurrentForward(current: number | undefined, candidate: number): boolean {
  return current === undefined || candidate > current;
}

const MAX_EXECUTION_NAME = 80;

/**
 * The Step Functions execution name of a version. Names are unique per state
 * machine for 90 days, so a duplicate event cannot start a second execution
 * for the same version. Long agency codes are shortened with a hash to stay
 * within the 80-character limit.
 */
export function executionNameFor(ref: SubmissionRef): string {
  const name = `${ref.agencyId}-${ref.roundId}-${ref.itemNo}-v${ref.version}`;
  if (name.length <= MAX_EXECUTION_NAME) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 16);
  const tail = `-${ref.roundId}-${ref.itemNo}-v${ref.version}-${hash}`;
  return `${ref.agencyId.slice(0, MAX_EXECUTION_NAME - tail.length)}${tail}`;
}
