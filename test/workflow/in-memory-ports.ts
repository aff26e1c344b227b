/**
 * The workflow's ports as plain in-memory objects: enough behaviour
 * (conditional writes included) to unit-test the use cases without AWS.
 */

import type { Approval, Audience } from '../../shared/workflow/approval.js';
import { audienceOf } from '../../shared/workflow/approval.js';
import type { Notice } from '../../shared/workflow/approval-notice.js';
import type { ItemState, RoundRecord, SignOff } from '../../shared/workflow/round-record.js';
import type { SubmissionVersion, VersionStatus } from '../../shared/workflow/submission-version.js';
import type { UploadRecord } from '../../shared/workflow/upload-record.js';

type Ref = {
  agencyId: string;
  roundId: string;
  itemNo: number;
  version: number;
  division?: string;
};
const vkey = (r: Ref) => `${r.agencyId}/${r.roundId}/${r.itemNo}/${r.version}`;

export function inMemoryPorts(now = new Date('2023-04-20T03:00:00Z')) {
  const rounds = new Map<string, RoundRecord>();
  const items = new Map<string, ItemState>();
  const uploads = new Map<string, UploadRecord>();
  const versions = new Map<string, SubmissionVersion>();
  const approvals = new Map<string, { approval: Approval; taskToken: string }>();
  const objects = new Map<string, { body: Uint8Array | string; contentType?: string }>();
  const notices: Notice[] = [];
  const executions = new Map<string, unknown>();
  const resumed: { taskToken: string; output: unknown }[] = [];
  const itemKey = (a: string, r: string, n: number) => `${a}/${r}/${n}`;

  const roundStore = {
    getRound: async (a: string, r: string) => rounds.get(`${a}/${r}`),
    getRoundWithItems: async (a: string, r: string) => {
      const record = rounds.get(`${a}/${r}`);
      if (!record) return undefined;
      const list = [...items.entries()]
        .filter(([k]) => k.startsWith(`${a}/${r}/`))
        .map(([, v]) => v);
      return { record, items: list };
    },
    recordRejectedUpload: async (
      t: { agencyId: string; roundId: string; itemNo: number; division: string },
      uploadId: string,
      at: string,
    ) => {
      const k = itemKey(t.agencyId, t.roundId, t.itemNo);
      const state = items.get(k) ?? { itemNo: t.itemNo, division: t.division, updatedAt: at };
      items.set(k, { ...state, lastRejectedUploadId: uploadId, lastRejectedAt: at, updatedAt: at });
    },
    advanceCurrent: async (
      ref: Ref & { division: string },
      waitingOn: ItemState['waitingOn'],
      at: string,
    ) => {
      const k = itemKey(ref.agencyId, ref.roundId, ref.itemNo);
      const state = items.get(k);
      if (state?.currentVersion !== undefined && state.currentVersion >= ref.version) return false;
      items.set(k, {
        ...(state ?? {}),
        itemNo: ref.itemNo,
        division: ref.division,
        currentVersion: ref.version,
        status: 'awaiting-approval',
        ...(waitingOn ? { waitingOn } : {}),
        updatedAt: at,
      });
      return true;
    },
    setItemStatus: async (
      ref: Ref,
      status: VersionStatus,
      at: string,
      waitingOn?: ItemState['waitingOn'],
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
      const record = rounds.get(`${a}/${r}`);
      if (!record) return false;
      const previous = record.signOff;
      const ok =
        next.attempt === 1
          ? !previous
          : previous?.attempt === next.attempt - 1 &&
            ['returned', 'expired'].includes(previous.state);
      if (ok) rounds.set(`${a}/${r}`, { ...record, signOff: next });
      return ok;
    },
    settleSignOff: async (a: string, r: string, signOff: SignOff) => {
      const record = rounds.get(`${a}/${r}`);
      if (record?.signOff?.attempt !== signOff.attempt) return false;
      rounds.set(`${a}/${r}`, { ...record, signOff });
      return true;
    },
    claimPublishedVersion: async (a: string, r: string) => {
      const record = rounds.get(`${a}/${r}`) as RoundRecord;
      const version = (record.publishedVersion ?? 0) + 1;
      rounds.set(`${a}/${r}`, { ...record, publishedVersion: version });
      return version;
    },
  };

  const submissionStore = {
    getUpload: async (a: string, id: string) => uploads.get(`${a}/${id}`),
    settleUpload: async (record: UploadRecord, result: Partial<UploadRecord>) => {
      uploads.set(`${record.agencyId}/${record.uploadId}`, { ...record, ...result });
    },
    latestVersion: async (a: string, r: string, n: number) =>
      [...versions.values()]
        .filter((v) => v.agencyId === a && v.roundId === r && v.itemNo === n)
        .sort((x, y) => y.version - x.version)[0],
    putVersion: async (v: SubmissionVersion) => {
      if (versions.has(vkey(v))) return false;
      versions.set(vkey(v), v);
      return true;
    },
    getVersion: async (ref: Ref) => versions.get(vkey(ref)),
    setVersionStatus: async (ref: Ref, status: VersionStatus) => {
      const v = versions.get(vkey(ref));
      if (v) versions.set(vkey(ref), { ...v, status });
    },
    getVersions: async (refs: readonly Ref[]) =>
      refs.map((r) => versions.get(vkey(r))).filter((v): v is SubmissionVersion => Boolean(v)),
  };

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
    listInbox: async (audience: Audience) =>
      [...approvals.values()]
        .map((s) => s.approval)
        .filter(
          (a) =>
            a.status === 'pending' && JSON.stringify(audienceOf(a)) === JSON.stringify(audience),
        ),
    getMany: async (a: string, ids: readonly string[]) =>
      ids
        .map((id) => approvals.get(`${a}/${id}`)?.approval)
        .filter((x): x is Approval => Boolean(x)),
  };

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
  };

  return {
    state: { rounds, items, uploads, versions, approvals, objects, notices, executions, resumed },
    rounds: roundStore,
    submissions: submissionStore,
    approvals: approvalStore,
    objects: objectStore,
    notices: { send: async (n: Notice) => void notices.push(n) },
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
