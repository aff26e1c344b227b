import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateRound } from '../../shared/validation/validate-document.js';
import { acceptUpload } from '../../shared/workflow/accept-upload.js';
import { callerFromClaims } from '../../shared/workflow/caller.js';
import { decideApproval } from '../../shared/workflow/decide-approval.js';
import { requestApproval } from '../../shared/workflow/request-approval.js';
import { roundStatus } from '../../shared/workflow/round-status.js';
import { settleOutcome } from '../../shared/workflow/settle-outcome.js';
import { uploadKey } from '../../shared/workflow/upload-key.js';
import { inMemoryPorts } from './in-memory-ports.js';

const seed = (name: string) =>
  readFileSync(new URL(`../../events/seed/${name}`, import.meta.url), 'utf8');
const parsed = validateRound(JSON.parse(seed('round.json')));
if (!parsed.ok) throw new Error('seed round invalid');
const round = parsed.value;
const UPLOADER = 'uploader-sub';

let ports: ReturnType<typeof inMemoryPorts>;

/** A requested upload of the seed's item `itemNo`, its object in the bucket. */
function uploaded(itemNo: number, uploadId: string, body = seed(`items/${itemNo}.json`)) {
  const target = {
    agencyId: 'opdc',
    roundId: '2566-h1',
    itemNo,
    division: `division-placeholder-0${itemNo}`,
    uploadId,
  };
  const key = uploadKey(target);
  ports.state.uploads.set(`opdc/${uploadId}`, {
    ...target,
    format: 'json',
    key,
    uploadedBy: UPLOADER,
    uploadedByName: 'suda',
    requestedAt: '2023-04-20T02:00:00Z',
    expiresAt: '2023-04-20T02:15:00Z',
    status: 'requested',
  });
  ports.state.objects.set(`incoming/${key}`, { body, contentType: 'application/json' });
  const size = Buffer.byteLength(body);
  return { key, etag: `etag-${key.length}-${size}` };
}

const person = (sub: string, groups: string[]) => {
  const c = callerFromClaims({ sub, username: sub, 'cognito:groups': groups });
  if (!c) throw new Error('no caller');
  return c;
};

beforeEach(async () => {
  ports = inMemoryPorts();
  await ports.rounds.openRound({
    agencyId: 'opdc',
    roundId: '2566-h1',
    round,
    openedBy: 'coordinator',
    openedAt: '2023-04-01T00:00:00Z',
  });
});

describe('Use case: accept an upload', () => {
  it('stores the first upload as version 1 and starts one execution for it', async () => {
    const object = uploaded(1, '00000000-0000-4000-8000-000000000001');
    const outcome = await acceptUpload(ports, object);
    expect(outcome).toEqual({
      kind: 'accepted',
      uploadId: '00000000-0000-4000-8000-000000000001',
      version: 1,
      execution: 'started',
    });
    expect([...ports.state.executions.keys()]).toEqual(['opdc-2566-h1-1-v1']);
    expect(ports.state.items.get('opdc/2566-h1/1')).toMatchObject({
      currentVersion: 1,
      waitingOn: 'division-director',
    });
  });

  it('keeps the converted document in the table too, the same as its S3 copy', async () => {
    const uploadId = '00000000-0000-4000-8000-000000000001';
    await acceptUpload(ports, uploaded(1, uploadId));
    const [stored] = await ports.submissions.getVersions([
      { agencyId: 'opdc', roundId: '2566-h1', itemNo: 1, version: 1 },
    ]);
    const s3Copy = ports.state.objects.get(`${ports.bucket}/${stored?.documentKey}`);
    const kept = await ports.submissions.getDocuments([
      { agencyId: 'opdc', roundId: '2566-h1', itemNo: 1, uploadId },
    ]);
    expect(s3Copy).toBeDefined();
    expect(kept.get(uploadId)).toEqual(JSON.parse(String(s3Copy?.body)));
    expect(kept.get(uploadId)).toMatchObject({ itemNo: 1, fiscalYear: 2566 });
  });

  it('changes nothing when the same S3 event arrives twice', async () => {
    const object = uploaded(1, '00000000-0000-4000-8000-000000000001');
    await acceptUpload(ports, object);
    const again = await acceptUpload(ports, object);
    expect(again).toMatchObject({ kind: 'accepted', version: 1, execution: 'already-started' });
    expect(ports.state.versions.size).toBe(1);
  });

  it('makes a second upload of the item version 2, and moves the current pointer to it', async () => {
    await acceptUpload(ports, uploaded(1, '00000000-0000-4000-8000-000000000001'));
    const second = uploaded(
      1,
      '00000000-0000-4000-8000-000000000002',
      seed('items/1.json').replace('"fiscalYear": 2566', '"fiscalYear": "๒๕๖๖"'),
    );
    expect(await acceptUpload(ports, second)).toMatchObject({ version: 2 });
    expect(ports.state.items.get('opdc/2566-h1/1')?.currentVersion).toBe(2);
  });

  it('takes the next free number when a concurrent upload claimed the same one', async () => {
    const first = uploaded(1, '00000000-0000-4000-8000-000000000001');
    const realLatest = ports.submissions.latestVersion;
    let raced = false;
    ports.submissions.latestVersion = async (...args) => {
      const latest = await realLatest(...args);
      if (!raced) {
        raced = true;
        // Another intake wins version 1 between our read and our write.
        await ports.submissions.putVersion({
          ...(latest ?? {}),
          agencyId: 'opdc',
          roundId: '2566-h1',
          itemNo: 1,
          division: 'division-placeholder-01',
          version: 1,
          source: { uploadId: 'other', key: 'k', etag: 'e', sha256: 's', format: 'json', size: 1 },
          documentKey: 'd',
          uploadedBy: 'x',
          uploadedAt: 'y',
          status: 'awaiting-approval',
        });
      }
      return latest;
    };
    expect(await acceptUpload(ports, first)).toMatchObject({ kind: 'accepted', version: 2 });
  });

  it('records every problem of a refused upload for the division to read', async () => {
    const object = uploaded(
      1,
      '00000000-0000-4000-8000-000000000003',
      '{"type":"submission","schemaVersion":1}',
    );
    const outcome = await acceptUpload(ports, object);
    expect(outcome.kind).toBe('rejected');
    const record = ports.state.uploads.get('opdc/00000000-0000-4000-8000-000000000003');
    expect(record?.status).toBe('rejected');
    expect(record?.problems?.length).toBeGreaterThan(3);
    expect(ports.state.executions.size).toBe(0);
    expect(
      roundStatus(
        (await ports.rounds.getRound('opdc', '2566-h1')) as never,
        [...ports.state.items.values()],
        new Date(),
      ).items[0]?.progress,
    ).toBe('rejected');
  });

  it('ignores objects nobody asked to upload', async () => {
    expect(
      await acceptUpload(ports, {
        key: 'incoming/opdc/2566-h1/1/division-placeholder-01/00000000-0000-4000-8000-00000000dead',
        etag: 'x',
      }),
    ).toEqual({ kind: 'ignored', reason: 'not-requested' });
  });
});

describe('Use case: walk the chain to sign-off', () => {
  const submission = (itemNo: number) => ({
    agencyId: 'opdc',
    roundId: '2566-h1',
    itemNo,
    division: `division-placeholder-0${itemNo}`,
    version: 1,
    uploadedBy: UPLOADER,
  });

  it('notifies the approvers, resumes on their decision, and claims sign-off only when the last item is approved', async () => {
    for (let no = 1; no <= round.items.length; no += 1) {
      await acceptUpload(ports, uploaded(no, `00000000-0000-4000-8000-00000000000${no}`));
    }
    const director = person('director', [
      'opdc:division-director',
      'opdc:division:division-placeholder-01',
    ]);
    const waiting = await requestApproval(ports, {
      kind: 'item',
      taskToken: 'token-1',
      phase: 'request',
      submission: submission(1),
      role: 'division-director',
      step: 0,
    });
    expect(ports.state.notices.at(-1)).toMatchObject({
      kind: 'approval-requested',
      approvalId: waiting.approval.approvalId,
    });

    const decided = await decideApproval(ports, director, 'opdc', waiting.approval.approvalId, {
      decision: 'approve',
    });
    expect(decided).toMatchObject({ kind: 'decided', workflow: 'resumed' });
    expect(ports.state.resumed).toEqual([
      { taskToken: 'token-1', output: expect.objectContaining({ decision: 'approved' }) },
    ]);

    const chain = ['division-director', 'anti-corruption-centre'] as const;
    const results = [];
    for (let no = 1; no <= round.items.length; no += 1) {
      results.push(
        await settleOutcome(ports, {
          kind: 'item',
          outcome: 'approved',
          submission: submission(no),
          approvalChain: [...chain],
        }),
      );
    }
    expect(results.slice(0, -1).every((r) => !r.roundReady)).toBe(true);
    expect(results.at(-1)).toEqual({
      roundReady: true,
      signOff: { agencyId: 'opdc', roundId: '2566-h1', attempt: 1 },
    });
    // A replayed outcome cannot claim the sign-off twice.
    expect(
      await settleOutcome(ports, {
        kind: 'item',
        outcome: 'approved',
        submission: submission(6),
        approvalChain: [...chain],
      }),
    ).toEqual({ roundReady: false });
  });

  it('tells the division why its version was returned', async () => {
    await acceptUpload(ports, uploaded(1, '00000000-0000-4000-8000-000000000001'));
    const waiting = await requestApproval(ports, {
      kind: 'item',
      taskToken: 't',
      phase: 'request',
      submission: submission(1),
      role: 'division-director',
      step: 0,
    });
    const director = person('director', [
      'opdc:division-director',
      'opdc:division:division-placeholder-01',
    ]);
    await decideApproval(ports, director, 'opdc', waiting.approval.approvalId, {
      decision: 'return',
      comment: 'ระบุผลการดำเนินงานไตรมาส ๒',
    });
    await settleOutcome(ports, {
      kind: 'item',
      outcome: 'returned',
      submission: submission(1),
      approvalChain: ['division-director', 'anti-corruption-centre'],
    });
    expect(ports.state.notices.at(-1)).toMatchObject({
      kind: 'returned',
      groups: ['opdc:division:division-placeholder-01'],
      comment: 'ระบุผลการดำเนินงานไตรมาส ๒',
    });
    expect(ports.state.items.get('opdc/2566-h1/1')?.status).toBe('returned');
  });

  it('escalates to the coordinator and keeps the first request time', async () => {
    await acceptUpload(ports, uploaded(1, '00000000-0000-4000-8000-000000000001'));
    const task = {
      kind: 'item' as const,
      taskToken: 't1',
      phase: 'request' as const,
      submission: submission(1),
      role: 'division-director' as const,
      step: 0,
    };
    const first = await requestApproval(ports, task);
    const escalated = await requestApproval(ports, {
      ...task,
      taskToken: 't3',
      phase: 'escalation',
    });
    expect(escalated.approval.requestedAt).toBe(first.approval.requestedAt);
    expect(ports.state.notices.at(-1)).toMatchObject({
      kind: 'approval-escalated',
      groups: ['opdc:coordinator'],
    });
    expect((await ports.approvals.get('opdc', first.approval.approvalId))?.taskToken).toBe('t3');
  });
});
