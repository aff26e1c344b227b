/**
 * roll-up-round through middy on the embedded services: every plan item
 * approved, the seed round's report is built from each item's approved
 * version and kept as a private draft in the incoming bucket.
 */

import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RollUpSummary } from '../../shared/workflow/roll-up-round.js';
import { documentRefOf, type SubmissionVersion } from '../../shared/workflow/submission-version.js';
import { seedReport, seedRound, seedSubmissionJson } from '../helpers/seed-round.js';
import { SIGN_OFF } from './derived-events.js';
import { type HandlerServices, startHandlerServices } from './handler-services.js';
import { lambdaContext } from './lambda-context.js';

let rollUpRound: (
  event: unknown,
  context: ReturnType<typeof lambdaContext>,
) => Promise<RollUpSummary>;
let stack: HandlerServices;

const ITEMS = [1, 2, 3, 4, 5, 6];
/** Item 3 went back once: its second version is the approved one. */
const approvedVersion = (no: number) => (no === 3 ? 2 : 1);
const documentKey = (no: number, version = approvedVersion(no)) =>
  `submissions/opdc/2566-h1/${no}/division-placeholder-0${no}/upload-${no}-v${version}.json`;
const sha256Of = (no: number) => String(no).repeat(64);
const AT = '2023-04-20T03:00:00.000Z';

function versionOf(no: number, version: number): SubmissionVersion {
  return {
    agencyId: 'opdc',
    roundId: '2566-h1',
    itemNo: no,
    division: `division-placeholder-0${no}`,
    version,
    source: {
      uploadId: `upload-${no}-v${version}`,
      key: `incoming/${no}`,
      etag: 'e',
      sha256: sha256Of(no),
      format: 'json',
      size: 1,
    },
    documentKey: documentKey(no, version),
    uploadedBy: 'staff',
    uploadedAt: AT,
    status: 'approved',
  };
}

beforeAll(async () => {
  stack = await startHandlerServices();
  rollUpRound = (await import('../../functions/roll-up-round/handler.js')).handler as never;
  await stack.rounds.openRound({
    agencyId: 'opdc',
    roundId: '2566-h1',
    round: seedRound(),
    openedBy: 'coordinator',
    openedAt: AT,
  });
  for (const no of ITEMS) {
    // Item 3's returned first version has no stored document: reading it would fail the roll-up.
    for (let version = 1; version <= approvedVersion(no); version += 1) {
      const stored = versionOf(no, version);
      await stack.submissions.putVersion(stored);
      await stack.rounds.advanceCurrent(stored, 'division-director', AT);
    }
    await stack.rounds.setItemStatus(versionOf(no, approvedVersion(no)), 'approved', AT);
    await stack.objects.putJson(stack.incomingBucket, documentKey(no), seedSubmissionJson(no));
  }
});
// Closing three emulators can take a while on a loaded machine.
afterAll(() => stack?.close(), 60_000);

const draftOf = (summary: RollUpSummary) =>
  stack.objects.getJson(stack.incomingBucket, summary.draftKey) as Promise<{
    items: { no: number; provenance: unknown }[];
    rollup: { budgetUsed: string };
  }>;

const rollUpTask = () => ({ signOff: SIGN_OFF });

describe('Function: roll-up-round', () => {
  it("reads only each item's approved version, with no Scan, and drafts the round's report in the private bucket", async () => {
    // Act
    stack.dynamoRequests.clear();
    const summary = await rollUpRound(rollUpTask(), lambdaContext());

    // Assess
    expect(summary).toMatchObject({ draftKey: 'drafts/opdc/2566-h1/a1/report.json', items: 6 });
    const head = await stack.objects.head(stack.incomingBucket, summary.draftKey);
    expect(head.contentType).toBe('application/json; charset=utf-8');
    expect(stack.dynamoRequests.operations()).not.toContain('Scan');
  });

  it('keeps, for every item, where its text came from: submission, version and sha256 of the upload', async () => {
    const summary = await rollUpRound(rollUpTask(), lambdaContext());
    const report = await draftOf(summary);
    expect(report.items.map((i: { no: number }) => i.no)).toEqual(ITEMS);
    expect(report.items[2]?.provenance).toEqual({
      submissionId: 'opdc/2566-h1/3',
      version: 2,
      sha256: sha256Of(3),
    });
    expect(report.rollup.budgetUsed).toBe(summary.budgetUsed);
  });

  it('drafts the same report as the seed built directly, item for item', async () => {
    const report = await draftOf(await rollUpRound(rollUpTask(), lambdaContext()));
    const expected = seedReport();
    expect(report.rollup).toEqual(expected.rollup);
    expect(report.items.map(({ provenance, ...item }: { provenance: unknown }) => item)).toEqual(
      expected.items,
    );
  });

  it('reads a document kept in the table without its S3 copy, and the draft is the same', async () => {
    const kept = versionOf(5, 1);
    await stack.submissions.putDocument(documentRefOf(kept), seedSubmissionJson(5));
    // Gone from S3: only the table can give the roll-up item 5 now.
    await stack.s3.send(
      new DeleteObjectCommand({ Bucket: stack.incomingBucket, Key: documentKey(5) }),
    );
    try {
      const task = { signOff: { ...SIGN_OFF, attempt: 5 } };
      const report = await draftOf(await rollUpRound(task, lambdaContext()));
      const expected = seedReport();
      expect(report.items.map(({ provenance, ...item }: { provenance: unknown }) => item)).toEqual(
        expected.items,
      );
      expect(report.rollup).toEqual(expected.rollup);
    } finally {
      await stack.objects.putJson(stack.incomingBucket, documentKey(5), seedSubmissionJson(5));
    }
  });

  it('fails, writing no draft, when a stored submission no longer validates', async () => {
    const good = seedSubmissionJson(4);
    const broken = { ...(good as object), budgetUsed: 1.005 };
    await stack.objects.putJson(stack.incomingBucket, documentKey(4), broken);
    // A later attempt's draft, so that no earlier case's draft stands in for it.
    const task = { signOff: { ...SIGN_OFF, attempt: 7 } };
    await expect(rollUpRound(task, lambdaContext()))
      .rejects.toThrow(/no longer validates/)
      .finally(() => stack.objects.putJson(stack.incomingBucket, documentKey(4), good));
    await expect(
      stack.objects.head(stack.incomingBucket, 'drafts/opdc/2566-h1/a7/report.json'),
    ).rejects.toThrow();
  });

  it('fails when the round is not in the table', async () => {
    stack.dynamoRequests.clear();
    const task = { signOff: { ...SIGN_OFF, roundId: '2599-h1' } };
    await expect(rollUpRound(task, lambdaContext())).rejects.toThrow(/not found/);
    expect(stack.dynamoRequests.operations()).not.toContain('BatchGetItem');
  });
});
