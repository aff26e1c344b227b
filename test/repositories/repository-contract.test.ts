/**
 * The repository contract: one set of cases, run against both
 * implementations of the ports in shared/workflow/ports.ts — the in-memory
 * fakes the use-case tests use, and the DynamoDB adapters on dynalite (the
 * real protocol: conditions, sort order, pagination, batches). A case that
 * passes on one and fails on the other is a fake that lies or an adapter
 * that is wrong.
 */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import type { Approval } from '../../shared/workflow/approval.js';
import { audienceOf } from '../../shared/workflow/approval.js';
import type { ApprovalStore, RoundStore, SubmissionStore } from '../../shared/workflow/ports.js';
import type { RoundRecord } from '../../shared/workflow/round-record.js';
import {
  KEPT_DOCUMENT_MAX_BYTES,
  type SubmissionVersion,
} from '../../shared/workflow/submission-version.js';
import type { UploadRecord } from '../../shared/workflow/upload-record.js';
import { seedRound } from '../helpers/seed-round.js';
import { inMemoryPorts } from '../workflow/in-memory-ports.js';
import { createSingleTable, type DynaliteTable, startDynaliteTable } from './dynalite-table.js';

interface Stores {
  rounds: RoundStore;
  submissions: SubmissionStore;
  approvals: ApprovalStore;
}

let dynalite: DynaliteTable;
let tables = 0;
beforeAll(async () => {
  dynalite = await startDynaliteTable();
});
afterAll(async () => {
  await dynalite?.close();
});

const IMPLEMENTATIONS: [string, () => Promise<Stores>][] = [
  ['in-memory ports', async () => inMemoryPorts()],
  [
    'DynamoDB adapters on dynalite',
    async () => {
      // A fresh table per case: cases share nothing.
      tables += 1;
      const name = `contract-${tables}`;
      await createSingleTable(dynalite.endpoint, name);
      return {
        rounds: new DynamoDbRoundRepository(dynalite.documents, name),
        submissions: new DynamoDbSubmissionRepository(dynalite.documents, name),
        approvals: new DynamoDbApprovalRepository(dynalite.documents, name),
      };
    },
  ],
];

const AT = '2023-04-20T03:00:00.000Z';
const openedRecord = (roundId = '2566-h1', round = seedRound()): RoundRecord => ({
  agencyId: 'opdc',
  roundId,
  round,
  openedBy: 'coordinator',
  openedAt: '2023-04-01T02:00:00.000Z',
});
const itemRef = (version: number, itemNo = 1) => ({
  agencyId: 'opdc',
  roundId: '2566-h1',
  itemNo,
  division: 'division-placeholder-01',
  version,
});
const upload = (uploadId: string): UploadRecord => ({
  agencyId: 'opdc',
  roundId: '2566-h1',
  itemNo: 1,
  division: 'division-placeholder-01',
  uploadId,
  format: 'json',
  key: `incoming/opdc/2566-h1/1/division-placeholder-01/${uploadId}`,
  uploadedBy: 'staff-1',
  uploadedByName: 'Staff One',
  requestedAt: AT,
  expiresAt: AT,
  status: 'requested',
});
const version = (n: number, itemNo = 1): SubmissionVersion => ({
  ...itemRef(n, itemNo),
  source: {
    uploadId: `u${n}`,
    key: `k${n}`,
    etag: `e${n}`,
    sha256: 'a'.repeat(64),
    format: 'json',
    size: 10,
  },
  documentKey: `submissions/${itemNo}/${n}.json`,
  uploadedBy: 'staff-1',
  uploadedAt: AT,
  status: 'awaiting-approval',
});
const approval = (
  id: string,
  requestedAt = AT,
  division = 'division-placeholder-01',
): Approval => ({
  approvalId: id,
  agencyId: 'opdc',
  roundId: '2566-h1',
  subject: { kind: 'item', itemNo: 1, division, version: 1, uploadedBy: 'staff-1' },
  step: 0,
  role: 'division-director',
  status: 'pending',
  phase: 'request',
  requestedAt,
});

describe.each(IMPLEMENTATIONS)('Repository contract: %s', (_name, make) => {
  let stores: Stores;
  beforeEach(async () => {
    stores = await make();
  });

  describe('rounds', () => {
    it('opens a round once: a second opening changes nothing and says so', async () => {
      expect(await stores.rounds.openRound(openedRecord())).toBe(true);
      const other = { ...openedRecord(), openedBy: 'someone-else' };
      other.round = { ...other.round, due: '2099-01-01' };
      expect(await stores.rounds.openRound(other)).toBe(false);
      const stored = await stores.rounds.getRound('opdc', '2566-h1');
      expect(stored).toEqual(openedRecord());
    });

    it('gives an upload the header and its one plan item, and no item beyond the plan', async () => {
      await stores.rounds.openRound(openedRecord());
      const found = await stores.rounds.getRoundItem('opdc', '2566-h1', 4);
      expect(found?.item).toEqual(seedRound().items[3]);
      expect(found?.header).toMatchObject({ roundId: '2566-h1', itemCount: 6 });
      expect(found?.header.round).not.toHaveProperty('items');
      expect((await stores.rounds.getRoundItem('opdc', '2566-h1', 7))?.item).toBeUndefined();
      expect(await stores.rounds.getRoundItem('opdc', '2567-h1', 1)).toBeUndefined();
      expect(await stores.rounds.getRoundHeader('dga', '2566-h1')).toBeUndefined();
    });

    it("lists an agency's rounds newest first, and no other agency's", async () => {
      await stores.rounds.openRound(openedRecord('2566-h1'));
      await stores.rounds.openRound(openedRecord('2567-h1'));
      await stores.rounds.openRound({ ...openedRecord('2568-h1'), agencyId: 'dga' });
      const listed = await stores.rounds.listRounds('opdc');
      expect(listed.map((l) => l.roundId)).toEqual(['2567-h1', '2566-h1']);
      expect(listed[0]).toMatchObject({ agencyId: 'opdc', items: 6, fiscalYear: 2566 });
    });

    it('moves the current pointer forward only: a late older version cannot take it back', async () => {
      await stores.rounds.openRound(openedRecord());
      expect(await stores.rounds.advanceCurrent(itemRef(2), 'division-director', AT)).toBe(true);
      expect(await stores.rounds.advanceCurrent(itemRef(1), 'division-director', AT)).toBe(false);
      expect(await stores.rounds.advanceCurrent(itemRef(2), 'division-director', AT)).toBe(false);
      const found = await stores.rounds.getRoundWithItems('opdc', '2566-h1');
      expect(found?.items).toEqual([
        expect.objectContaining({ itemNo: 1, currentVersion: 2, status: 'awaiting-approval' }),
      ]);
    });

    it('sets the status of the current version only, and records the approved one', async () => {
      await stores.rounds.openRound(openedRecord());
      await stores.rounds.advanceCurrent(itemRef(1), 'division-director', AT);
      await stores.rounds.advanceCurrent(itemRef(2), 'division-director', AT);
      expect(await stores.rounds.setItemStatus(itemRef(1), 'approved', AT)).toBe(false);
      expect(
        await stores.rounds.setItemStatus(itemRef(2), 'awaiting-approval', AT, 'agency-head'),
      ).toBe(true);
      expect(await stores.rounds.setItemStatus(itemRef(2), 'approved', AT)).toBe(true);
      const [state] = (await stores.rounds.getRoundWithItems('opdc', '2566-h1'))?.items ?? [];
      expect(state).toMatchObject({ currentVersion: 2, approvedVersion: 2, status: 'approved' });
      expect(state).not.toHaveProperty('waitingOn');
    });

    it('notes a refused upload on the item without touching its current version', async () => {
      await stores.rounds.openRound(openedRecord());
      await stores.rounds.advanceCurrent(itemRef(1), 'division-director', AT);
      const target = { agencyId: 'opdc', roundId: '2566-h1', itemNo: 1, division: 'd' };
      await stores.rounds.recordRejectedUpload(target, 'upload-9', '2023-04-21T00:00:00.000Z');
      const [state] = (await stores.rounds.getRoundWithItems('opdc', '2566-h1'))?.items ?? [];
      expect(state).toMatchObject({
        currentVersion: 1,
        lastRejectedUploadId: 'upload-9',
        lastRejectedAt: '2023-04-21T00:00:00.000Z',
      });
    });

    it('lets exactly one of many simultaneous claims request the sign-off', async () => {
      await stores.rounds.openRound(openedRecord());
      const first = { state: 'requested' as const, attempt: 1, at: AT };
      const claims = await Promise.all(
        Array.from({ length: 5 }, () => stores.rounds.claimSignOff('opdc', '2566-h1', first)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await stores.rounds.claimSignOff('opdc', '2567-h1', first)).toBe(false);
    });

    it('asks for attempt 2 only after attempt 1 was returned, and settles only the current attempt', async () => {
      await stores.rounds.openRound(openedRecord());
      await stores.rounds.claimSignOff('opdc', '2566-h1', {
        state: 'requested',
        attempt: 1,
        at: AT,
      });
      const second = { state: 'requested' as const, attempt: 2, at: AT };
      expect(await stores.rounds.claimSignOff('opdc', '2566-h1', second)).toBe(false);
      const returned = { state: 'returned' as const, attempt: 1, at: AT, by: 'head' };
      expect(await stores.rounds.settleSignOff('opdc', '2566-h1', returned)).toBe(true);
      expect(await stores.rounds.claimSignOff('opdc', '2566-h1', second)).toBe(true);
      expect(await stores.rounds.settleSignOff('opdc', '2566-h1', returned)).toBe(false);
      const header = await stores.rounds.getRoundHeader('opdc', '2566-h1');
      expect(header?.signOff).toEqual(second);
    });

    it('numbers publications: the same number when one attempt is retried, the next for the next attempt', async () => {
      await stores.rounds.openRound(openedRecord());
      expect(await stores.rounds.claimPublishedVersion('opdc', '2566-h1', 1)).toBe(1);
      expect(await stores.rounds.claimPublishedVersion('opdc', '2566-h1', 1)).toBe(1);
      expect(await stores.rounds.claimPublishedVersion('opdc', '2566-h1', 2)).toBe(2);
      expect((await stores.rounds.getRoundHeader('opdc', '2566-h1'))?.publishedVersion).toBe(2);
    });

    it('keeps a 5,000-item round whole, in plan order, read back across Query pages', async () => {
      const base = seedRound();
      const items = Array.from({ length: 5000 }, (_, i) => ({
        ...(base.items[i % base.items.length] as (typeof base.items)[number]),
        no: i + 1,
      }));
      const record = openedRecord('2566-fy', { ...base, period: 'FY', items });
      expect(await stores.rounds.openRound(record)).toBe(true);
      for (const no of [1, 2500, 5000]) {
        const ref = { ...itemRef(1, no), roundId: '2566-fy' };
        await stores.rounds.advanceCurrent(ref, 'division-director', AT);
      }
      const found = await stores.rounds.getRoundWithItems('opdc', '2566-fy');
      expect(found?.record.round.items).toHaveLength(5000);
      expect(found?.record.round.items.map((i) => i.no)).toEqual(items.map((i) => i.no));
      expect(found?.items.map((s) => s.itemNo).sort((a, b) => a - b)).toEqual([1, 2500, 5000]);
      const last = await stores.rounds.getRoundItem('opdc', '2566-fy', 5000);
      expect(last?.item).toEqual(items[4999]);
      expect(last?.header.itemCount).toBe(5000);
    });
  });

  describe('uploads and versions', () => {
    it('records an upload request once and settles it, keeping who asked', async () => {
      await stores.submissions.putUpload(upload('u-1'));
      await expect(stores.submissions.putUpload(upload('u-1'))).rejects.toThrow();
      await stores.submissions.settleUpload(upload('u-1'), {
        status: 'accepted',
        version: 3,
        settledAt: AT,
      });
      expect(await stores.submissions.getUpload('opdc', 'u-1')).toMatchObject({
        status: 'accepted',
        version: 3,
        uploadedBy: 'staff-1',
      });
      await expect(
        stores.submissions.settleUpload(upload('never-asked'), { status: 'rejected' }),
      ).rejects.toThrow();
      expect(await stores.submissions.getUpload('opdc', 'never-asked')).toBeUndefined();
    });

    it('writes each version number once, and knows the newest', async () => {
      expect(await stores.submissions.putVersion(version(1))).toBe(true);
      expect(await stores.submissions.putVersion(version(2))).toBe(true);
      expect(await stores.submissions.putVersion({ ...version(2), documentKey: 'x' })).toBe(false);
      expect((await stores.submissions.getVersion(itemRef(2)))?.documentKey).toBe(
        version(2).documentKey,
      );
      expect((await stores.submissions.latestVersion('opdc', '2566-h1', 1))?.version).toBe(2);
      expect(await stores.submissions.latestVersion('opdc', '2566-h1', 2)).toBeUndefined();
    });

    it("lists an item's versions newest first, at most as many as asked, past version 9", async () => {
      for (let n = 1; n <= 12; n += 1) await stores.submissions.putVersion(version(n));
      await stores.submissions.putVersion(version(1, 2));
      const listed = await stores.submissions.listVersions('opdc', '2566-h1', 1, 5);
      expect(listed.map((v) => v.version)).toEqual([12, 11, 10, 9, 8]);
    });

    it("changes a version's status and where it waits, and refuses a version never written", async () => {
      await stores.submissions.putVersion(version(1));
      await stores.submissions.setVersionStatus(itemRef(1), 'awaiting-approval', 'agency-head');
      expect((await stores.submissions.getVersion(itemRef(1)))?.waitingOn).toBe('agency-head');
      await stores.submissions.setVersionStatus(itemRef(1), 'approved');
      const stored = await stores.submissions.getVersion(itemRef(1));
      expect(stored?.status).toBe('approved');
      expect(stored).not.toHaveProperty('waitingOn');
      await expect(stores.submissions.setVersionStatus(itemRef(9), 'approved')).rejects.toThrow();
      expect(await stores.submissions.getVersion(itemRef(9))).toBeUndefined();
    });

    it('reads 250 versions at once, past the 100 keys of one batch, leaving out the missing', async () => {
      for (let no = 1; no <= 250; no += 1) await stores.submissions.putVersion(version(1, no));
      const refs = Array.from({ length: 260 }, (_, i) => itemRef(1, i + 1));
      const found = await stores.submissions.getVersions(refs);
      expect(found.map((v) => v.itemNo).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 250 }, (_, i) => i + 1),
      );
    });

    it("keeps a small document beside its item's versions, without it showing among them", async () => {
      const ref = (itemNo: number, uploadId: string) => ({
        agencyId: 'opdc',
        roundId: '2566-h1',
        itemNo,
        uploadId,
      });
      const document = { itemNo: 1, objectives: ['เพื่อให้ส่วนราชการมีความโปร่งใส'], budgetUsed: '1.50' };
      expect(await stores.submissions.putDocument(ref(1, 'u1'), document)).toBe(true);
      // Written again for a replayed event: still one document, the same.
      expect(await stores.submissions.putDocument(ref(1, 'u1'), document)).toBe(true);
      await stores.submissions.putVersion(version(1));
      const found = await stores.submissions.getDocuments([
        ref(1, 'u1'),
        ref(2, 'u1'),
        ref(1, 'u9'),
      ]);
      expect([...found]).toEqual([['u1', document]]);
      expect((await stores.submissions.latestVersion('opdc', '2566-h1', 1))?.version).toBe(1);
      expect(await stores.submissions.listVersions('opdc', '2566-h1', 1, 10)).toHaveLength(1);
    });

    it('keeps no document over KEPT_DOCUMENT_MAX_BYTES: the S3 copy is then the only one', async () => {
      const ref = { agencyId: 'opdc', roundId: '2566-h1', itemNo: 1, uploadId: 'big' };
      // Thai text is 3 bytes a character in UTF-8: over the limit in bytes, not in characters.
      const big = { progress: 'ก'.repeat(Math.ceil(KEPT_DOCUMENT_MAX_BYTES / 3) + 1) };
      expect(JSON.stringify(big).length).toBeLessThan(KEPT_DOCUMENT_MAX_BYTES);
      expect(await stores.submissions.putDocument(ref, big)).toBe(false);
      expect((await stores.submissions.getDocuments([ref])).size).toBe(0);
    });

    it('reads 250 kept documents at once, past the 100 keys of one batch', async () => {
      const refs = Array.from({ length: 250 }, (_, i) => ({
        agencyId: 'opdc',
        roundId: '2566-h1',
        itemNo: i + 1,
        uploadId: `u-${i + 1}`,
      }));
      for (const ref of refs) await stores.submissions.putDocument(ref, { itemNo: ref.itemNo });
      const found = await stores.submissions.getDocuments(refs);
      expect(found.size).toBe(250);
      expect(
        refs.every((ref) => (found.get(ref.uploadId) as { itemNo: number }).itemNo === ref.itemNo),
      ).toBe(true);
    });
  });

  describe('approvals', () => {
    it('keeps the task token out of every approval it hands back but the decision path', async () => {
      await stores.approvals.recordPending(approval('a1'), 'token-1');
      expect(await stores.approvals.get('opdc', 'a1')).toEqual({
        approval: approval('a1'),
        taskToken: 'token-1',
      });
      const [inbox] = await stores.approvals.listInbox(audienceOf(approval('a1')), 10);
      expect(inbox).toEqual(approval('a1'));
      const [many] = await stores.approvals.getMany('opdc', ['a1']);
      expect(many).toEqual(approval('a1'));
    });

    it('replaces the token while the step is pending, never after it was decided', async () => {
      expect(await stores.approvals.recordPending(approval('a1'), 'token-1')).toBe(true);
      const reminded = { ...approval('a1'), phase: 'reminder' as const };
      expect(await stores.approvals.recordPending(reminded, 'token-2')).toBe(true);
      expect((await stores.approvals.get('opdc', 'a1'))?.taskToken).toBe('token-2');
      const decided = { ...reminded, status: 'approved' as const, decidedBy: 'dir', decidedAt: AT };
      expect(await stores.approvals.settle(decided)).toBe(true);
      expect(await stores.approvals.recordPending(approval('a1'), 'token-3')).toBe(false);
      expect(await stores.approvals.get('opdc', 'a1')).toMatchObject({
        taskToken: 'token-2',
        approval: { status: 'approved' },
      });
    });

    it('settles a decision once: the second is refused, and it leaves the inbox for the history', async () => {
      await stores.approvals.recordPending(approval('a1'), 'token-1');
      const decided = {
        ...approval('a1'),
        status: 'returned' as const,
        decidedBy: 'dir',
        decidedByName: 'Director',
        decidedAt: AT,
        comment: 'แก้ไขงบประมาณ',
      };
      expect(await stores.approvals.settle(decided)).toBe(true);
      expect(await stores.approvals.settle({ ...decided, status: 'approved' })).toBe(false);
      expect(await stores.approvals.listInbox(audienceOf(approval('a1')), 10)).toEqual([]);
      const [history] = await stores.approvals.listDecided('opdc', 'dir', 10);
      expect(history).toMatchObject({
        approvalId: 'a1',
        status: 'returned',
        comment: 'แก้ไขงบประมาณ',
      });
      expect(await stores.approvals.settle({ ...approval('never'), status: 'expired' })).toBe(
        false,
      );
    });

    it("fills each inbox oldest first, with its own audience's approvals only, up to the limit", async () => {
      await stores.approvals.recordPending(approval('late', '2023-04-22T00:00:00.000Z'), 't');
      await stores.approvals.recordPending(approval('early', '2023-04-20T00:00:00.000Z'), 't');
      await stores.approvals.recordPending(approval('mid', '2023-04-21T00:00:00.000Z'), 't');
      const other = approval('other', AT, 'division-placeholder-02');
      await stores.approvals.recordPending(other, 't');
      const inbox = await stores.approvals.listInbox(audienceOf(approval('x')), 2);
      expect(inbox.map((a) => a.approvalId)).toEqual(['early', 'mid']);
    });

    it("shows a person's decisions newest first, and nobody else's", async () => {
      for (const [id, at, by] of [
        ['a1', '2023-04-20T00:00:00.000Z', 'dir'],
        ['a2', '2023-04-22T00:00:00.000Z', 'dir'],
        ['a3', '2023-04-21T00:00:00.000Z', 'other'],
      ] as const) {
        await stores.approvals.recordPending(approval(id), 't');
        await stores.approvals.settle({
          ...approval(id),
          status: 'approved',
          decidedBy: by,
          decidedByName: by,
          decidedAt: at,
        });
      }
      const mine = await stores.approvals.listDecided('opdc', 'dir', 10);
      expect(mine.map((a) => a.approvalId)).toEqual(['a2', 'a1']);
    });

    it('reads 250 approvals at once, past the 100 keys of one batch, leaving out the missing', async () => {
      const ids = Array.from({ length: 250 }, (_, i) => `a${i}`);
      for (const id of ids) await stores.approvals.recordPending(approval(id), 't');
      const found = await stores.approvals.getMany('opdc', [...ids, 'missing']);
      expect(found.map((a) => a.approvalId).sort()).toEqual([...ids].sort());
    });
  });
});
