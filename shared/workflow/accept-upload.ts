/**
 * Intake of one uploaded object: re-check what S3 holds against what was
 * requested, convert and validate it, store it as the item's next version and
 * start its approval execution; or record exactly why it was refused.
 *
 * S3 notifications are at-least-once and unordered, so every step is safe to
 * repeat: a settled upload is not read again, a version written for this
 * object is found instead of written twice, and the execution name is
 * derived from the version.
 */

import { createHash } from 'node:crypto';
import type { ValidationProblem } from '../validation/validation-problem.js';
import type { DocxReader, ObjectStore, RoundStore, SubmissionStore, Workflow } from './ports.js';
import { checkObjectFacts, decodeUtf8, readItemUploadText } from './read-upload.js';
import type { RoundSettings } from './round-header.js';
import {
  bareEtag,
  executionNameFor,
  isSameSource,
  nextVersion,
  type SubmissionRef,
  type SubmissionVersion,
} from './submission-version.js';
import {
  parseUploadKey,
  resultObjectKey,
  submissionObjectKey,
  type UploadTarget,
} from './upload-key.js';
import { MAX_RECORDED_PROBLEMS, type UploadRecord } from './upload-record.js';
import type { ExecutionInput } from './workflow-payloads.js';

export interface IntakePorts {
  rounds: RoundStore;
  submissions: SubmissionStore;
  objects: ObjectStore;
  workflow: Workflow;
  readDocx: DocxReader;
  bucket: string;
  now: () => Date;
}

export interface IncomingObject {
  key: string;
  etag: string;
}

export type IntakeOutcome =
  | { kind: 'ignored'; reason: 'not-an-upload-key' | 'not-requested' | 'superseded-object' }
  | { kind: 'rejected'; uploadId: string; problems: ValidationProblem[] }
  | {
      kind: 'accepted';
      uploadId: string;
      version: number;
      execution: 'started' | 'already-started';
    };

/** Concurrent uploads of one item each take the next free number; a few tries settle it. */
const MAX_VERSION_CLAIMS = 5;

export async function acceptUpload(
  ports: IntakePorts,
  object: IncomingObject,
): Promise<IntakeOutcome> {
  const target = parseUploadKey(object.key);
  if (!target) return { kind: 'ignored', reason: 'not-an-upload-key' };
  const upload = await ports.submissions.getUpload(target.agencyId, target.uploadId);
  if (!upload || upload.key !== object.key) return { kind: 'ignored', reason: 'not-requested' };
  // The header and the key's plan item only: intake costs the same in a round of any size.
  const found = await ports.rounds.getRoundItem(target.agencyId, target.roundId, target.itemNo);
  if (!found) return { kind: 'ignored', reason: 'not-requested' };
  const settings = found.header.round;

  if (upload.status === 'accepted' && upload.version) {
    // A replay after a crash or a duplicate event: only the execution may be missing.
    const latest = await ports.submissions.getVersion({ ...target, version: upload.version });
    if (!latest || !isSameSource(latest.source, object)) {
      return { kind: 'ignored', reason: 'superseded-object' };
    }
    return startChain(ports, latest, settings, upload);
  }
  if (upload.status === 'rejected') {
    return { kind: 'rejected', uploadId: upload.uploadId, problems: upload.problems ?? [] };
  }

  const head = await ports.objects.head(ports.bucket, object.key);
  if (bareEtag(head.etag) !== bareEtag(object.etag)) {
    // Overwritten since this event: the newer object has its own event.
    return { kind: 'ignored', reason: 'superseded-object' };
  }
  const factProblems = checkObjectFacts(upload.format, head);
  if (factProblems.length > 0) return reject(ports, upload, target, factProblems);

  const bytes = await ports.objects.getBytes(ports.bucket, object.key, object.etag);
  const text = upload.format === 'docx' ? await ports.readDocx(bytes) : decodeUtf8(bytes);
  if (!text.ok) return reject(ports, upload, target, text.problems);
  const read = readItemUploadText(upload.format, text.value, settings, found.item, target);
  if (!read.ok) return reject(ports, upload, target, read.problems);

  const documentKey = submissionObjectKey(target);
  await ports.objects.putJson(ports.bucket, documentKey, read.value);
  // A copy in the table too, when small: the roll-up reads a round's documents in batches.
  await ports.submissions.putDocument(target, read.value);
  const version = await claimVersion(ports, upload, target, {
    key: object.key,
    etag: bareEtag(object.etag),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: head.size,
    documentKey,
  });
  const at = ports.now().toISOString();
  const firstRole = settings.approvalChain[0] ?? 'division-director';
  await ports.rounds.advanceCurrent(version, firstRole, at);
  const resultKey = resultObjectKey(target);
  await ports.objects.putJson(ports.bucket, resultKey, {
    uploadId: upload.uploadId,
    status: 'accepted',
    version: version.version,
    settledAt: at,
  });
  await ports.submissions.settleUpload(upload, {
    status: 'accepted',
    version: version.version,
    resultKey,
    settledAt: at,
  });
  return startChain(ports, version, settings, upload);
}

async function claimVersion(
  ports: IntakePorts,
  upload: UploadRecord,
  target: UploadTarget,
  source: { key: string; etag: string; sha256: string; size: number; documentKey: string },
): Promise<SubmissionVersion> {
  for (let attempt = 0; attempt < MAX_VERSION_CLAIMS; attempt += 1) {
    const latest = await ports.submissions.latestVersion(
      target.agencyId,
      target.roundId,
      target.itemNo,
    );
    const claim = nextVersion(latest, source);
    if (claim.kind === 'replay' && latest) return latest;
    const version: SubmissionVersion = {
      agencyId: target.agencyId,
      roundId: target.roundId,
      itemNo: target.itemNo,
      division: target.division,
      version: claim.version,
      source: {
        uploadId: upload.uploadId,
        key: source.key,
        etag: source.etag,
        sha256: source.sha256,
        format: upload.format,
        size: source.size,
      },
      documentKey: source.documentKey,
      uploadedBy: upload.uploadedBy,
      uploadedAt: ports.now().toISOString(),
      status: 'awaiting-approval',
    };
    if (await ports.submissions.putVersion(version)) return version;
  }
  throw new Error(`could not claim a version for ${source.key} after ${MAX_VERSION_CLAIMS} tries`);
}

async function startChain(
  ports: IntakePorts,
  version: SubmissionVersion,
  round: RoundSettings,
  upload: UploadRecord,
): Promise<IntakeOutcome> {
  const ref: SubmissionRef = {
    agencyId: version.agencyId,
    roundId: version.roundId,
    itemNo: version.itemNo,
    division: version.division,
    version: version.version,
  };
  const input: ExecutionInput = {
    submission: { ...ref, uploadedBy: version.uploadedBy },
    approvalChain: round.approvalChain,
  };
  const execution = await ports.workflow.start(executionNameFor(ref), input);
  return { kind: 'accepted', uploadId: upload.uploadId, version: version.version, execution };
}

async function reject(
  ports: IntakePorts,
  upload: UploadRecord,
  target: UploadTarget,
  problems: ValidationProblem[],
): Promise<IntakeOutcome> {
  const at = ports.now().toISOString();
  const resultKey = resultObjectKey(target);
  await ports.objects.putJson(ports.bucket, resultKey, {
    uploadId: upload.uploadId,
    status: 'rejected',
    problems,
    settledAt: at,
  });
  await ports.submissions.settleUpload(upload, {
    status: 'rejected',
    problems: problems.slice(0, MAX_RECORDED_PROBLEMS),
    problemCount: problems.length,
    resultKey,
    settledAt: at,
  });
  await ports.rounds.recordRejectedUpload(target, upload.uploadId, at);
  return { kind: 'rejected', uploadId: upload.uploadId, problems };
}
