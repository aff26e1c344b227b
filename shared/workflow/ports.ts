/**
 * What the workflow's use cases need from the outside world, as interfaces.
 * The DynamoDB, S3, SQS and Step Functions adapters in shared/adapters
 * satisfy them structurally; unit tests hand in plain in-memory fakes.
 */

import type { AgencyMember } from '../people/agency-person.js';
import type { DigestEntry } from '../people/digest-entry.js';
import type { Invitation } from '../people/invitation.js';
import type { Mail } from '../people/notice-mail.js';
import type { PeopleChange } from '../people/people-change.js';
import type { Person } from '../people/person.js';
import type { Validated } from '../validation/validation-problem.js';
import type { WordParagraph } from '../word/word-paragraph.js';
import type { Approval, Audience } from './approval.js';
import type { Notice } from './approval-notice.js';
import type { WaitingRole } from './roles.js';
import type { RoundHeader, RoundItem } from './round-header.js';
import type { ItemState, RoundListing, RoundRecord, SignOff } from './round-record.js';
import type {
  DocumentRef,
  SubmissionRef,
  SubmissionVersion,
  VersionStatus,
} from './submission-version.js';
import type { UploadRecord } from './upload-record.js';

type VersionKeyRef = Pick<SubmissionRef, 'agencyId' | 'roundId' | 'itemNo' | 'version'>;
type ItemVersionRef = SubmissionRef;

/**
 * A round is a small header and its plan items as rows of their own (see
 * round-header.ts): what an upload reads does not grow with the plan.
 */
export interface RoundStore {
  /** False if the round is already open; asking again completes an opening cut short. */
  openRound(record: RoundRecord): Promise<boolean>;
  listRounds(agencyId: string): Promise<RoundListing[]>;
  getRoundHeader(agencyId: string, roundId: string): Promise<RoundHeader | undefined>;
  /** The header and one plan item; `item` is undefined when the plan has no such number. */
  getRoundItem(
    agencyId: string,
    roundId: string,
    itemNo: number,
  ): Promise<(Omit<RoundItem, 'item'> & { item: RoundItem['item'] | undefined }) | undefined>;
  /** The whole round, every plan item included. */
  getRound(agencyId: string, roundId: string): Promise<RoundRecord | undefined>;
  getRoundWithItems(
    agencyId: string,
    roundId: string,
  ): Promise<{ record: RoundRecord; items: ItemState[] } | undefined>;
  recordRejectedUpload(
    target: { agencyId: string; roundId: string; itemNo: number; division: string },
    uploadId: string,
    at: string,
  ): Promise<void>;
  advanceCurrent(ref: ItemVersionRef, waitingOn: WaitingRole, at: string): Promise<boolean>;
  setItemStatus(
    ref: ItemVersionRef,
    status: VersionStatus,
    at: string,
    waitingOn?: WaitingRole,
  ): Promise<boolean>;
  claimSignOff(agencyId: string, roundId: string, next: SignOff): Promise<boolean>;
  settleSignOff(agencyId: string, roundId: string, signOff: SignOff): Promise<boolean>;
  claimPublishedVersion(agencyId: string, roundId: string, attempt: number): Promise<number>;
}

export interface SubmissionStore {
  /** Records an upload request; upload ids are random, so an existing one is an error. */
  putUpload(record: UploadRecord): Promise<void>;
  getUpload(agencyId: string, uploadId: string): Promise<UploadRecord | undefined>;
  settleUpload(
    record: UploadRecord,
    result: Pick<
      UploadRecord,
      'status' | 'version' | 'problems' | 'problemCount' | 'resultKey' | 'settledAt'
    >,
  ): Promise<void>;
  latestVersion(
    agencyId: string,
    roundId: string,
    itemNo: number,
  ): Promise<SubmissionVersion | undefined>;
  /** An item's versions, newest first (at most `limit`). */
  listVersions(
    agencyId: string,
    roundId: string,
    itemNo: number,
    limit: number,
  ): Promise<SubmissionVersion[]>;
  putVersion(version: SubmissionVersion): Promise<boolean>;
  getVersion(ref: VersionKeyRef): Promise<SubmissionVersion | undefined>;
  setVersionStatus(
    ref: VersionKeyRef,
    status: VersionStatus,
    waitingOn?: WaitingRole,
  ): Promise<void>;
  getVersions(refs: readonly VersionKeyRef[]): Promise<SubmissionVersion[]>;
  /**
   * Keeps an upload's converted document beside the item's versions when it
   * is at most KEPT_DOCUMENT_MAX_BYTES (the S3 copy is written regardless and
   * stays the record); false when it is too large to keep. Writing the same
   * upload's document again changes nothing.
   */
  putDocument(ref: DocumentRef, document: unknown): Promise<boolean>;
  /** The kept documents of `refs`, by upload id (unvalidated JSON); one not kept is absent. */
  getDocuments(refs: readonly DocumentRef[]): Promise<Map<string, unknown>>;
}

export interface ApprovalStore {
  recordPending(approval: Approval, taskToken: string): Promise<boolean>;
  get(
    agencyId: string,
    approvalId: string,
  ): Promise<{ approval: Approval; taskToken: string } | undefined>;
  settle(approval: Approval): Promise<boolean>;
  /** Pending approvals of one inbox, oldest first. */
  listInbox(audience: Audience, limit: number): Promise<Approval[]>;
  /** What one person decided in an agency, newest first. */
  listDecided(agencyId: string, sub: string, limit: number): Promise<Approval[]>;
  /** Any number of approvals by id; ids not found are absent from the answer. */
  getMany(agencyId: string, approvalIds: readonly string[]): Promise<Approval[]>;
}

export interface ObjectStore {
  head(
    bucket: string,
    key: string,
  ): Promise<{ size: number; contentType: string | undefined; etag: string }>;
  getBytes(bucket: string, key: string, etag?: string): Promise<Uint8Array>;
  getJson(bucket: string, key: string): Promise<unknown>;
  /** As getJson, but undefined when there is no such object (a draft that may never have been written). */
  getJsonIfPresent(bucket: string, key: string): Promise<unknown>;
  put(
    bucket: string,
    key: string,
    body: Uint8Array | string,
    options: { contentType: string; cacheControl?: string; metadata?: Record<string, string> },
  ): Promise<void>;
  putJson(bucket: string, key: string, value: unknown, cacheControl?: string): Promise<void>;
}

/** Links that let a person read one private object directly, for a short time. */
export interface ObjectLinks {
  readUrl(
    bucket: string,
    key: string,
    options: { expiresInSeconds: number; contentType: string },
  ): Promise<string>;
}

export interface NoticeQueue {
  send(notice: Notice): Promise<void>;
  /**
   * Many notices, in as few calls as the queue allows; answers those still
   * unsent after bounded retries (the caller decides: release, report, retry).
   */
  sendBatch(notices: readonly Notice[]): Promise<Notice[]>;
}

/** The user directory (a Cognito user pool): who holds which groups right now. */
export interface PeopleDirectory {
  /** Everyone holding every one of `groups` (each group listed in full, page by page). */
  membersOfAll(groups: readonly string[]): Promise<Person[]>;
}

/**
 * The people screen's hands on the user pool (Cognito admin API): the
 * agency's members, invitations, groups in and out, disabling.
 */
export interface PeopleAdmin {
  /** Everyone holding any `{agency}:…` group, each with all the groups they hold in it. */
  agencyMembers(agencyId: string): Promise<AgencyMember[]>;
  /** Every group a person holds, in any agency. */
  groupsOf(username: string): Promise<string[]>;
  /** Creates the group unless it exists. */
  ensureGroup(group: string): Promise<void>;
  /** Creates the account and mails the invitation; PersonExistsError if the address has one. */
  invite(invitation: Invitation): Promise<Person>;
  addToGroup(username: string, group: string): Promise<void>;
  removeFromGroup(username: string, group: string): Promise<void>;
  disable(username: string): Promise<void>;
}

/** The audit of people changes, per agency, newest first when read. */
export interface PeopleChangeLog {
  record(change: PeopleChange): Promise<void>;
  list(agencyId: string, limit: number): Promise<PeopleChange[]>;
}

/**
 * A deployment secret that may be left empty (the chat webhook's URL): its
 * value, or undefined when none has been put. A read the store refuses
 * (AccessDenied, throttling) throws: it is a fault, not "no value".
 */
export interface OptionalSecret {
  value(): Promise<string | undefined>;
}

/** Sends one e-mail (SES). A failure throws, so the notice goes back to its queue. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * What has been mailed, so a redelivered notice mails nobody twice: a key
 * (notice × recipient) is claimed before sending and marked sent after. A
 * claim left by an attempt that died before sending may be taken again once
 * stale, so nothing is lost either.
 */
export interface DeliveryLedger {
  claim(key: string, now: Date): Promise<boolean>;
  markSent(key: string, now: Date): Promise<void>;
  release(key: string): Promise<void>;
}

/**
 * A round's reminder run of one day: which reminders (by key) already went
 * out, and a lease so that two requests at once do not both send. `begin`
 * takes the lease and answers the keys sent so far, or undefined while an
 * unexpired lease is held by another run.
 */
export interface ReminderLog {
  begin(
    run: { agencyId: string; roundId: string; day: string },
    now: Date,
    leaseMs: number,
  ): Promise<ReadonlySet<string> | undefined>;
  record(
    run: { agencyId: string; roundId: string; day: string },
    keys: readonly string[],
  ): Promise<void>;
  end(run: { agencyId: string; roundId: string; day: string }): Promise<void>;
}

/** Reminders waiting for the daily digest, one row per person × notice (a repeat is a no-op). */
export interface DigestStore {
  add(entry: DigestEntry): Promise<void>;
  listDay(agencyId: string, day: string): Promise<DigestEntry[]>;
}

export interface Workflow {
  start(name: string, input: unknown): Promise<'started' | 'already-started'>;
  resume(taskToken: string, output: unknown): Promise<'resumed' | 'gone'>;
}

/** A Word file to its paragraphs as shown in Word (shared/word), or why it cannot be read. */
export type DocxReader = (bytes: Uint8Array) => Promise<Validated<WordParagraph[]>>;
