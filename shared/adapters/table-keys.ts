/**
 * The single table's key layout. Every partition key carries the agency id,
 * so one deployment serves many agencies and no agency's request reads
 * another's partition. Every request path is a GetItem or a Query on one of
 * these keys: there is no Scan.
 *
 *   ROUND#{agency}#{round}              ROUND             round header: settings, sign-off (no items)
 *   ROUND#{agency}#{round}              PLAN#{0001}       a plan item (kind, title, division)
 *   ROUND#{agency}#{round}              ITEM#{0001}       a plan item's current version and status
 *   ROUNDS#{agency}                     ROUND#{round}     the agency's list of rounds (one line each)
 *   SUBMISSION#{agency}#{round}#{item}  V#{000001}        an immutable submission version
 *   SUBMISSION#{agency}#{round}#{item}  D#{uploadId}      an accepted upload's converted document (small ones)
 *   UPLOAD#{agency}#{uploadId}          UPLOAD            an upload request and its result
 *   APPROVAL#{agency}#{approvalId}      APPROVAL          an approval (task token beside it)
 *   PUBLISHED                           REPORT#{agency}#{round}#v{0001}  a published report
 *     (one partition for the whole site index: a few publications per agency a year)
 *
 * GSI1 (inbox) holds pending approvals only: INBOX#{agency}#{role}[#{division}] / {requestedAt}#{id}.
 * GSI2 (decided) holds decided approvals by who decided: DECIDED#{agency}#{sub} / {decidedAt}#{id}.
 */

import type { Audience } from '../workflow/approval.js';

export const KEY = { pk: 'pk', sk: 'sk', gsi1pk: 'gsi1pk', gsi1sk: 'gsi1sk' } as const;
export const INBOX_INDEX = 'gsi1';
export const DECIDED_INDEX = 'gsi2';
/** What the inbox index keeps of an approval: everything but the task token beside it. */
export const INBOX_ATTRIBUTES = [
  'approvalId',
  'agencyId',
  'roundId',
  'subject',
  'step',
  'role',
  'status',
  'phase',
  'requestedAt',
];
/** An approver's history: the decision and its subject, never the task token. */
export const DECIDED_ATTRIBUTES = [
  ...INBOX_ATTRIBUTES,
  'decidedBy',
  'decidedByName',
  'decidedAt',
  'comment',
];
/** Powertools idempotency records expire through this TTL attribute. */
export const TTL_ATTRIBUTE = 'expiration';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const PLAN_PREFIX = 'PLAN#';
export const ITEM_PREFIX = 'ITEM#';
/** The header's sort key: after every PLAN# and ITEM# row of the partition. */
export const ROUND_HEADER_SK = 'ROUND';

export const roundKey = (agencyId: string, roundId: string) => ({
  pk: `ROUND#${agencyId}#${roundId}`,
  sk: ROUND_HEADER_SK,
});

/** A plan item of the round, a row of its own so that the header stays small. */
export const planItemKey = (agencyId: string, roundId: string, itemNo: number) => ({
  pk: `ROUND#${agencyId}#${roundId}`,
  sk: `${PLAN_PREFIX}${pad(itemNo, 4)}`,
});

export const roundListKey = (agencyId: string, roundId: string) => ({
  pk: `ROUNDS#${agencyId}`,
  sk: `ROUND#${roundId}`,
});

export const itemStateKey = (agencyId: string, roundId: string, itemNo: number) => ({
  pk: `ROUND#${agencyId}#${roundId}`,
  sk: `${ITEM_PREFIX}${pad(itemNo, 4)}`,
});

export const submissionPartition = (agencyId: string, roundId: string, itemNo: number) =>
  `SUBMISSION#${agencyId}#${roundId}#${itemNo}`;

export const versionKey = (agencyId: string, roundId: string, itemNo: number, version: number) => ({
  pk: submissionPartition(agencyId, roundId, itemNo),
  sk: `V#${pad(version, 6)}`,
});

/** Beside the versions (their Queries begin with V#, so never read it). */
export const documentRowKey = (
  agencyId: string,
  roundId: string,
  itemNo: number,
  uploadId: string,
) => ({
  pk: submissionPartition(agencyId, roundId, itemNo),
  sk: `D#${uploadId}`,
});

export const uploadRecordKey = (agencyId: string, uploadId: string) => ({
  pk: `UPLOAD#${agencyId}#${uploadId}`,
  sk: 'UPLOAD',
});

export const approvalKey = (agencyId: string, approvalId: string) => ({
  pk: `APPROVAL#${agencyId}#${approvalId}`,
  sk: 'APPROVAL',
});

export const inboxPartition = (audience: Audience) =>
  audience.division
    ? `INBOX#${audience.agencyId}#${audience.role}#${audience.division}`
    : `INBOX#${audience.agencyId}#${audience.role}`;

export const decidedPartition = (agencyId: string, sub: string) => `DECIDED#${agencyId}#${sub}`;

export const PUBLISHED_PARTITION = 'PUBLISHED';

export const publishedKey = (agencyId: string, roundId: string, version: number) => ({
  pk: PUBLISHED_PARTITION,
  sk: `REPORT#${agencyId}#${roundId}#v${pad(version, 4)}`,
});

/** Drops the key attributes (and anything secret) from a stored item. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, taskToken, ...rest } = item;
  return rest as T;
}

/** A mail sent (or being sent) once: notice × recipient, or a day's digest × person. */
export const deliveryKey = (key: string) => ({ pk: `MAIL#${key}`, sk: 'MAIL' });

/** The partition prefix of reminder runs (its own, so its grant can be this narrow). */
export const REMINDER_PREFIX = 'REMIND#';
/** One round's reminder run of one Bangkok day: which reminders went out, and who is sending. */
export const reminderRunKey = (agencyId: string, roundId: string, day: string) => ({
  pk: `${REMINDER_PREFIX}${agencyId}#${roundId}`,
  sk: day,
});

/** A person's reminders kept for the agency's digest of one day. */
export const digestKey = (agencyId: string, day: string, sub: string, noticeKey: string) => ({
  pk: `DIGEST#${agencyId}#${day}`,
  sk: `${sub}#${noticeKey}`,
});

/** A change made on the people screen, newest last: who, when, what. */
export const peopleChangeKey = (agencyId: string, at: string, id: string) => ({
  pk: `PEOPLE#${agencyId}`,
  sk: `CHANGE#${at}#${id}`,
});
