/**
 * The workflow's ports as plain in-memory objects: enough behaviour
 * (conditional writes included) to unit-test the use cases without AWS.
 */

import type { ItemVersionRef } from '../../shared/adapters/dynamodb-round-repository.js';
import type { PlanItemValue } from '../../shared/schemas/round-schema.js';
import type { Approval, Audience } from '../../shared/workflow/approval.js';
import { audienceOf } from '../../shared/workflow/approval.js';
import type { Notice } from '../../shared/workflow/approval-notice.js';
import type {
  ApprovalStore,
  NoticeQueue,
  ObjectStore,
  ReminderLog,
  RoundStore,
  SubmissionStore,
} from '../../shared/workflow/ports.js';
import type { WaitingRole } from '../../shared/workflow/roles.js';
import {
  headerOf,
  listingOf,
  type RoundHeader,
  recordOf,
} from '../../shared/workflow/round-header.js';
import type {
  ItemState,
  RoundListing,
  RoundRecord,
  SignOff,
} from '../../shared/workflow/round-record.js';
import {
  type DocumentRef,
  KEPT_DOCUMENT_MAX_BYTES,
  type SubmissionVersion,
  type VersionStatus,
} from '../../shared/workflow/submission-version.js';
import type { UploadRecord } from '../../shared/workflow/upload-record.js';

type Ref = {
  agencyId: string;
  roundId: string;
  itemNo: number;
  version: number;
  division?: string;
};
/** What a failed DynamoDB condition surfaces as, where a repository lets it through. */
class ConditionFailedError extends Error {
  override readonly name = 'ConditionalCheckFailedException';
}

type Run = { agencyId: string; roundId: string; day: string };
const runKey = (run: Run) => `${run.agencyId}/${run.roundId}/${run.day}`;
const dkey = (r: DocumentRef) => `${r.agencyId}/${r.roundId}/${r.itemNo}/${r.uploadId}`;
const vkey = (r: Ref) => `${r.agencyId}/${r.roundId}/${r.itemNo}/${r.version}`;

export function inMemoryPorts(now = new Date('2023-04-20T03:00:00Z')) {
  /** Round headers and plan items apart, as the table keeps them. */
  const headers = new Map<string, RoundHeader>();
  const plans = new Map<string, PlanItemValue>();
  const listings = new Map<string, RoundListing>();
  const items = new Map<string, ItemState>();
  const uploads = new Map<string, UploadRecord>();
  const versions = new Map<string, SubmissionVersion>();
  /** Kept documents as the table keeps them: compact JSON text. */
  const documents = new Map<string, string>();
  const approvals = new Map<string, { approval: Approval; taskToken: string }>();
  const objects = new Map<string, { body: Uint8Array | string; contentType?: string }>();
  const notices: Notice[] = [];
  const reminderRuns = new Map<string, { sent: Set<string>; leaseUntil: number }>();
  const executions = new Map<string, unknown>();
  const resumed: { taskToken: string; output: unknown }[] = [];
  const itemKey = (a: string, r: string, n: number) => `${a}/${r}/${n}`;
  const planOf = (header: RoundHeader) =>
    Array.from({ length: header.itemCount }, (_, i) =>
      plans.get(itemKey(header.agencyId, header.roundId, i + 1)),
    ).filter((item): item is PlanItemValue => Boolean(item));
  const fullRecord = (a: string, r: string) => {
    const header = headers.get(`${a}/${r}`);
    return header ? recordOf(header, planOf(header)) : undefined;
  };
  const updateHeader = (a: string, r: string, change: Partial<RoundHeader>) => {
    const header = headers.get(`${a}/${r}`);
    if (header) headers.set(`${a}/${r}`, { ...header, ...change });
  };

  const roundStore = {
    openRound: async (record: RoundRecord) => {
      const k = `${record.agencyId}/${record.roundId}`;
      const existing = headers.get(k);
      if (existing) {
        listings.set(k, listingOf(existing));
        return false;
      }
      const header = headerOf(record);
      headers.set(k, header);
      for (const item of record.round.items) {
        plans.set(itemKey(record.agencyId, record.roundId, item.no), item);
      }
      listings.set(k, listingOf(header));
      return true;
    },
    listRounds: async (a: string) =>
      [...listings.values()]
        .filter((l) => l.agencyId === a)
        .sort((x, y) => (x.roundId < y.roundId ? 1 : -1)),
    getRoundHeader: async (a: string, r: string) => headers.get(`${a}/${r}`),
    getRoundItem: async (a: string, r: string, n: number) => {
      const header = headers.get(`${a}/${r}`);
      return header ? { header, item: plans.get(itemKey(a, r, n)) } : undefined;
    },
    getRound: async (a: string, r: string) => fullRecord(a, r),
    getRoundWithItems: async (a: string, r: string) => {
      const record = fullRecord(a, r);
      if (!record) return undefined;
      const list = [...items.entries()]
        .filter(([k]) => k.startsWith(`${a}/${r}/`))
        .map(([, v]) => v)
        .sort((x, y) => x.itemNo - y.itemNo);
      return { record, items: list };
    },
    recordRejectedUpload: async (
      t: { agencyId: string; roundId: string; itemNo: number; division: string },
      uploadId: string,
      at: string,
    ) => {
      const k = itemKey(t.agencyId, t.roundId, t.itemNo);
      const state = items.get(k) ?? { itemNo: t.itemNo, division: t.division, updatedAt: at };
      items.set(k, {
        ...state,
        itemNo: t.itemNo,
        division: t.division,
        lastRejectedUploadId: uploadId,
        lastRejectedAt: at,
        updatedAt: at,
      });
    },
    advanceCurrent: async (ref: ItemVersionRef, waitingOn: WaitingRole, at: string) => {
      const k = itemKey(ref.agencyId, ref.roundId, ref.itemNo);
      const state = items.get(k);
      if (state?.currentVersion !== undefined && state.currentVersion >= ref.version) return false;
      items.set(k, {
        ...(state ?? {}),
        itemNo: ref.itemNo,
        division: ref.division,
        currentVersion: ref.version,
        status: 'awaiting-approval',
        waitingOn,
        updatedAt: at,
      });
      return true;
    },
    setItemStatus: async (
      ref: ItemVersionRef,
      status: VersionStatus,
      at: string,
      waitingOn?: WaitingRole,
    ) => {
      const k = itemKey(ref.agencyId, ref.roundId, ref.itemNo);
      const state = items.get(k);
      if (!state || state.currentVersion !== ref.version) return false;
      const { waitingOn: _old, ...rest } = state;
      items.set(k, {
        ...rest,
        status,
        updatedAt: at,
        ...(waitingOn ? { waitingOn } : {}),
        ...(status === 'approved' ? { approvedVersion: ref.version } : {}),
      });
      return true;
    },
    claimSignOff: async (a: string, r: string, next: SignOff) => {
      const previous = headers.get(`${a}/${r}`);
      if (!previous) return false;
      const signOff = previous.signOff;
      const ok =
        next.attempt === 1
          ? !signOff
          : signOff?.attempt === next.attempt - 1 &&
            ['returned', 'expired'].includes(signOff.state);
      if (ok) updateHeader(a, r, { signOff: next });
      return ok;
    },
    settleSignOff: async (a: string, r: string, signOff: SignOff) => {
      if (headers.get(`${a}/${r}`)?.signOff?.attempt !== signOff.attempt) return false;
      updateHeader(a, r, { signOff });
      return true;
    },
    claimPublishedVersion: async (a: string, r: string, attempt: number) => {
      const header = headers.get(`${a}/${r}`);
      if (!header) throw new ConditionFailedError(`no round ${a}/${r}`);
      const forAttempt = publishedFor.get(`${a}/${r}`);
      if (forAttempt !== undefined && forAttempt >= attempt) {
        if (header.publishedVersion) return header.publishedVersion;
        throw new ConditionFailedError(`round ${a}/${r} published for a later attempt`);
      }
      const version = (header.publishedVersion ?? 0) + 1;
      updateHeader(a, r, { publishedVersion: version });
      publishedFor.set(`${a}/${r}`, attempt);
      return version;
    },
  } satisfies RoundStore;
  /** Which sign-off attempt each round's published version belongs to. */
  const publishedFor = new Map<string, number>();

  const submissionStore = {
    putUpload: async (record: UploadRecord) => {
      const k = `${record.agencyId}/${record.uploadId}`;
      if (uploads.has(k)) throw new ConditionFailedError(`upload ${k} exists`);
      uploads.set(k, record);
    },
    getUpload: async (a: string, id: string) => uploads.get(`${a}/${id}`),
    settleUpload: async (
      record: UploadRecord,
      result: Pick<
        UploadRecord,
        'status' | 'version' | 'problems' | 'problemCount' | 'resultKey' | 'settledAt'
      >,
    ) => {
      const k = `${record.agencyId}/${record.uploadId}`;
      if (!uploads.has(k)) throw new ConditionFailedError(`no upload ${k}`);
      uploads.set(k, { ...record, ...result });
    },
    latestVersion: async (a: string, r: string, n: number) => versionsOf(a, r, n)[0],
    listVersions: async (a: string, r: string, n: number, limit: number) =>
      versionsOf(a, r, n).slice(0, limit),
    putVersion: async (v: SubmissionVersion) => {
      if (versions.has(vkey(v))) return false;
      versions.set(vkey(v), v);
      return true;
    },
    getVersion: async (ref: Ref) => versions.get(vkey(ref)),
    setVersionStatus: async (ref: Ref, status: VersionStatus, waitingOn?: WaitingRole) => {
      const v = versions.get(vkey(ref));
      if (!v) throw new ConditionFailedError(`no version ${vkey(ref)}`);
      const { waitingOn: _old, ...rest } = v;
      versions.set(vkey(ref), { ...rest, status, ...(waitingOn ? { waitingOn } : {}) });
    },
    getVersions: async (refs: readonly Ref[]) =>
      refs.map((r) => versions.get(vkey(r))).filter((v): v is SubmissionVersion => Boolean(v)),
    putDocument: async (ref: DocumentRef, document: unknown) => {
      const json = JSON.stringify(document);
      if (Buffer.byteLength(json) > KEPT_DOCUMENT_MAX_BYTES) return false;
      documents.set(dkey(ref), json);
      return true;
    },
    getDocuments: async (refs: readonly DocumentRef[]) =>
      new Map(
        refs.flatMap((ref) => {
          const json = documents.get(dkey(ref));
          return json === undefined ? [] : [[ref.uploadId, JSON.parse(json) as unknown] as const];
        }),
      ),
  } satisfies SubmissionStore;
  /** An item's versions, newest first. */
  const versionsOf = (a: string, r: string, n: number) =>
    [...versions.values()]
      .filter((v) => v.agencyId === a && v.roundId === r && v.itemNo === n)
      .sort((x, y) => y.version - x.version);

  const approvalStore = {
    recordPending: async (approval: Approval, taskToken: string) => {
      const k = `${approval.agencyId}/${approval.approvalId}`;
      const existing = approvals.get(k);
      if (existing && existing.approval.status !== 'pending') return false;
      approvals.set(k, { approval, taskToken });
      return true;
    },
    get: async (a: string, id: string) => approvals.get(`${a}/${id}`),
    settle: async (approval: Approval) => {
      const k = `${approval.agencyId}/${approval.approvalId}`;
      const existing = approvals.get(k);
      if (existing?.approval.status !== 'pending') return false;
      approvals.set(k, { taskToken: existing.taskToken, approval });
      return true;
    },
    /** Oldest first, as the inbox index sorts by request time. */
    listInbox: async (audience: Audience, limit: number) =>
      [...approvals.values()]
        .map((s) => s.approval)
        .filter(
          (a) =>
            a.status === 'pending' && JSON.stringify(audienceOf(a)) === JSON.stringify(audience),
        )
        .sort((x, y) =>
          `${x.requestedAt}#${x.approvalId}` < `${y.requestedAt}#${y.approvalId}` ? -1 : 1,
        )
        .slice(0, limit),
    /** Newest first, as the decided index sorts by decision time. */
    listDecided: async (a: string, sub: string, limit: number) =>
      [...approvals.values()]
        .map((s) => s.approval)
        .filter((x) => x.agencyId === a && x.decidedBy === sub && x.decidedAt)
        .sort((x, y) =>
          `${x.decidedAt}#${x.approvalId}` < `${y.decidedAt}#${y.approvalId}` ? 1 : -1,
        )
        .slice(0, limit),
    getMany: async (a: string, ids: readonly string[]) =>
      ids
        .map((id) => approvals.get(`${a}/${id}`)?.approval)
        .filter((x): x is Approval => Boolean(x)),
  } satisfies ApprovalStore;

  const objectStore = {
    head: async (bucket: string, key: string) => {
      const o = objects.get(`${bucket}/${key}`);
      if (!o) throw new Error(`no object ${key}`);
      const size = typeof o.body === 'string' ? Buffer.byteLength(o.body) : o.body.length;
      return { size, contentType: o.contentType, etag: `"etag-${key.length}-${size}"` };
    },
    getBytes: async (bucket: string, key: string) => {
      const o = objects.get(`${bucket}/${key}`);
      if (!o) throw new Error(`no object ${key}`);
      return typeof o.body === 'string' ? new TextEncoder().encode(o.body) : o.body;
    },
    getJson: async (bucket: string, key: string) => {
      const o = objects.get(`${bucket}/${key}`);
      if (!o) throw new Error(`no object ${key}`);
      return JSON.parse(typeof o.body === 'string' ? o.body : new TextDecoder().decode(o.body));
    },
    getJsonIfPresent: async (bucket: string, key: string) => {
      const o = objects.get(`${bucket}/${key}`);
      if (!o) return undefined;
      return JSON.parse(typeof o.body === 'string' ? o.body : new TextDecoder().decode(o.body));
    },
    put: async (
      bucket: string,
      key: string,
      body: Uint8Array | string,
      options: { contentType: string },
    ) => {
      objects.set(`${bucket}/${key}`, { body, contentType: options.contentType });
    },
    putJson: async (bucket: string, key: string, value: unknown) => {
      objects.set(`${bucket}/${key}`, {
        body: JSON.stringify(value),
        contentType: 'application/json',
      });
    },
  } satisfies ObjectStore;

  return {
    state: {
      headers,
      plans,
      listings,
      items,
      uploads,
      versions,
      approvals,
      objects,
      notices,
      executions,
      resumed,
    },
    rounds: roundStore,
    submissions: submissionStore,
    approvals: approvalStore,
    objects: objectStore,
    notices: {
      send: async (n: Notice) => void notices.push(n),
      sendBatch: async (batch: readonly Notice[]) => {
        notices.push(...batch);
        return [];
      },
    } satisfies NoticeQueue,
    reminders: {
      begin: async (run: Run, now: Date, leaseMs: number) => {
        const entry = reminderRuns.get(runKey(run)) ?? { sent: new Set<string>(), leaseUntil: 0 };
        if (entry.leaseUntil >= now.getTime()) return undefined;
        reminderRuns.set(runKey(run), { ...entry, leaseUntil: now.getTime() + leaseMs });
        return new Set(entry.sent);
      },
      record: async (run: Run, keys: readonly string[]) => {
        for (const key of keys) reminderRuns.get(runKey(run))?.sent.add(key);
      },
      end: async (run: Run) => {
        const entry = reminderRuns.get(runKey(run));
        if (entry) entry.leaseUntil = 0;
      },
    } satisfies ReminderLog,
    workflow: {
      start: async (name: string, input: unknown) => {
        if (executions.has(name)) return 'already-started' as const;
        executions.set(name, input);
        return 'started' as const;
      },
      resume: async (taskToken: string, output: unknown) => {
        resumed.push({ taskToken, output });
        return 'resumed' as const;
      },
    },
    readDocx: async () => ({ ok: true as const, value: [], problems: [] as [] }),
    bucket: 'incoming',
    now: () => now,
  };
}
