/**
 * Every hostile case through the real intake path on the embedded stack: a
 * division (staff-1) requests a presigned POST for plan item 1 and uploads
 * through it, or, where a POST cannot say it (over the size limit, a wrong
 * content type, an empty file), the object is written straight to the
 * incoming bucket at its requested key, since the emulator does not enforce
 * POST policies. Then: every upload has its outcome with bilingual
 * problems, the original object is kept byte for byte, nothing was
 * dead-lettered or thrown, keys nobody requested are ignored, and accepted
 * hostile text publishes inert HTML and exact PDF text.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDivisions } from '../../local/local-identities.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import {
  AcmApiClient,
  CONTENT_TYPES,
  postPresigned,
  type UploadView,
} from '../../shared/adapters/acm-api-client.js';
import type { ValidationProblem } from '../../shared/validation/validation-problem.js';
import { resultObjectKey, submissionObjectKey } from '../../shared/workflow/upload-key.js';
import { expectProblemsMatch } from './hostile-assertions.js';
import { expectationFor, HOSTILE_CASES, type HostileCase, hostileKeys } from './hostile-cases.js';
import { expectExactPdfText, expectInertHtml, oneItemReport } from './rendered-checks.js';

const ROOT = join(import.meta.dirname, '../..');
const AGENCY = 'opdc';
/** Uploads in flight at once: enough to fill intake's batches of ten, not the two cores. */
const CONCURRENCY = 8;

interface Sent {
  hostile: HostileCase;
  uploadId: string;
  key: string;
  sha256: string;
}

let stack: LocalStack;
let roundId: string;
const errors: string[] = [];
const sent = new Map<string, Sent>();
const views = new Map<string, UploadView>();
let untouched: UploadView;
let strayKeys: string[] = [];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readObject(key: string): Promise<Uint8Array> {
  const out = await stack.s3.send(new GetObjectCommand({ Bucket: stack.incomingBucket, Key: key }));
  return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
}

async function upload(client: AcmApiClient, hostile: HostileCase): Promise<Sent> {
  const bytes = await hostile.bytes();
  const presigned = await client.requestUpload(AGENCY, roundId, 1, hostile.format);
  const key = presigned.post.fields.key ?? '';
  const direct = hostile.intake?.direct;
  if (direct) {
    await stack.s3.send(
      new PutObjectCommand({
        Bucket: stack.incomingBucket,
        Key: key,
        Body: bytes,
        ...(direct.contentType ? { ContentType: direct.contentType } : {}),
      }),
    );
  } else {
    const fileName = hostile.intake?.fileName ?? `item-1.${hostile.format}`;
    await postPresigned(presigned.post, bytes, fileName, CONTENT_TYPES[hostile.format]);
  }
  return { hostile, uploadId: presigned.uploadId, key, sha256: sha256(bytes) };
}

beforeAll(async () => {
  stack = await startLocalStack({
    agencyId: AGENCY,
    divisions: seedDivisions(),
    log: (line) => {
      if (line.startsWith('  !')) errors.push(line);
    },
  });
  const coordinator = new AcmApiClient(stack.apiUrl, stack.tokenFor('coordinator'));
  const round = JSON.parse(readFileSync(join(ROOT, 'events/seed/round.json'), 'utf8'));
  ({ roundId } = await coordinator.openRound(AGENCY, round));
  const staff = new AcmApiClient(stack.apiUrl, stack.tokenFor('staff-1'));

  for (let at = 0; at < HOSTILE_CASES.length; at += CONCURRENCY) {
    const batch = HOSTILE_CASES.slice(at, at + CONCURRENCY);
    for (const one of await Promise.all(batch.map((c) => upload(staff, c)))) {
      sent.set(one.hostile.id, one);
    }
  }

  // An upload requested and never made, and objects at keys nobody requested.
  const waiting = await staff.requestUpload(AGENCY, roundId, 1, 'json');
  strayKeys = hostileKeys(AGENCY, roundId, waiting.uploadId);
  for (const key of strayKeys) {
    await stack.s3.send(
      new PutObjectCommand({
        Bucket: stack.incomingBucket,
        Key: key,
        Body: readFileSync(join(ROOT, 'events/seed/items/1.json')),
        ContentType: 'application/json',
      }),
    );
  }

  await stack.settle(200_000);
  for (const one of sent.values())
    views.set(one.hostile.id, await staff.getUpload(AGENCY, one.uploadId));
  untouched = await staff.getUpload(AGENCY, waiting.uploadId);
  // Uploads and settling took 130 s at load 12: the limit catches a hang, not a busy machine.
}, 300_000);

afterAll(async () => {
  await stack?.close();
});

function targetOf(one: Sent) {
  return {
    agencyId: AGENCY,
    roundId,
    itemNo: 1,
    division: 'division-placeholder-01',
    uploadId: one.uploadId,
  };
}

describe('Intake on the hostile corpus', () => {
  it('settles every upload: accepted or rejected, none left waiting', () => {
    expect(sent.size).toBe(HOSTILE_CASES.length);
    const waiting = [...views.entries()].filter(([, v]) => v.status === 'requested');
    expect(waiting.map(([id]) => id)).toEqual([]);
  });

  it('threw nothing and dead-lettered nothing', () => {
    expect(errors).toEqual([]);
    for (const queue of stack.resources.queues.values()) {
      const held = stack.services.sqs.inspectQueue(queue.name)?.messages;
      const count =
        (held?.ready.length ?? 0) + (held?.inflight.length ?? 0) + (held?.delayed.length ?? 0);
      expect(count, queue.name).toBe(0);
    }
  });

  it('ignores keys nobody requested, leaving the requested upload untouched', async () => {
    expect(untouched.status).toBe('requested');
    // The stray objects stay where they were put: intake neither moved nor deleted them.
    for (const key of strayKeys.filter((k) => !k.includes('..'))) {
      expect((await readObject(key)).byteLength, key).toBeGreaterThan(0);
    }
  });

  it.each(HOSTILE_CASES.map((c) => [c.id, c] as [string, HostileCase]))(
    '%s',
    async (id, hostile) => {
      // Prepare
      const expected = expectationFor(hostile, 'intake');
      const one = sent.get(id);
      const view = views.get(id);
      if (!one || !view) throw new Error(`${id} was not sent`);

      // Act
      const result = JSON.parse(
        new TextDecoder().decode(await readObject(resultObjectKey(targetOf(one)))),
      ) as { status: string; problems?: ValidationProblem[] };

      // Assess
      expect(view.status, id).toBe(expected.outcome === 'accept' ? 'accepted' : 'rejected');
      expect(result.status, id).toBe(view.status);
      expectProblemsMatch(id, expected, result.problems ?? []);
      if (expected.outcome === 'reject') {
        // What GET /agencies/{a}/uploads/{id} tells the division: bilingual, storable.
        expectProblemsMatch(id, { outcome: 'reject', problems: [] }, view.problems ?? []);
      }
      expect(sha256(await readObject(one.key)), `${id}: original kept`).toBe(one.sha256);
      if (expected.outcome === 'accept') {
        const stored = JSON.parse(
          new TextDecoder().decode(await readObject(submissionObjectKey(targetOf(one)))),
        ) as { progress: { points: Array<{ text: string }> } };
        if (expected.text !== undefined)
          expect(stored.progress.points[0]?.text, id).toBe(expected.text);
        const report = oneItemReport(stored);
        expectInertHtml(id, report, expected.text);
        if (expected.text !== undefined) await expectExactPdfText(id, report);
      }
    },
  );
});
