/**
 * roll-up-round through middy: every plan item approved, the seed round's
 * report is built from each item's approved version and kept as a private
 * draft. No emulator is wired in this test: the AWS clients are mocked at
 * Client.prototype.send (./aws-mock.ts); the handler, middy, Powertools and
 * the domain run for real.
 */

import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RollUpSummary } from '../../shared/workflow/roll-up-round.js';
import { seedReport, seedRound, seedSubmissionJson } from '../helpers/seed-round.js';
import { type AwsMock, mockAws } from './aws-mock.js';
import { SIGN_OFF } from './derived-events.js';
import { lambdaContext, setHandlerEnvironment } from './lambda-context.js';

setHandlerEnvironment();
let rollUpRound: (
  event: unknown,
  context: ReturnType<typeof lambdaContext>,
) => Promise<RollUpSummary>;

beforeAll(async () => {
  rollUpRound = (await import('../../functions/roll-up-round/handler.js')).handler as never;
});

const ITEMS = [1, 2, 3, 4, 5, 6];
/** Item 3 went back once: its second version is the approved one. */
const approvedVersion = (no: number) => (no === 3 ? 2 : 1);
const documentKey = (no: number) =>
  `submissions/opdc/2566-h1/${no}/division-placeholder-0${no}/upload-${no}-v${approvedVersion(no)}.json`;
const sha256Of = (no: number) => String(no).repeat(64);

let aws: AwsMock;
let documents: Map<string, unknown>;
beforeEach(() => {
  documents = new Map(ITEMS.map((no) => [documentKey(no), seedSubmissionJson(no)]));
  aws = mockAws()
    .on(QueryCommand, () => ({
      Items: [
        { pk: 'ROUND#opdc#2566-h1', sk: 'ROUND', agencyId: 'opdc', round: seedRound() },
        ...ITEMS.map((no) => ({
          pk: 'ROUND#opdc#2566-h1',
          sk: `ITEM#000${no}`,
          itemNo: no,
          currentVersion: approvedVersion(no),
          approvedVersion: approvedVersion(no),
          status: 'approved',
        })),
      ],
    }))
    .on(BatchGetCommand, (input) => ({
      Responses: {
        'acm-report-test': (input.RequestItems?.['acm-report-test']?.Keys ?? []).map((key) => {
          const no = Number(String(key.pk).split('#').at(-1));
          return {
            ...key,
            agencyId: 'opdc',
            roundId: '2566-h1',
            itemNo: no,
            division: `division-placeholder-0${no}`,
            version: approvedVersion(no),
            documentKey: documentKey(no),
            source: { key: `incoming/${no}`, etag: 'e', sha256: sha256Of(no), format: 'json' },
            status: 'approved',
          };
        }),
      },
    }))
    .on(GetObjectCommand, (input) => {
      const document = documents.get(String(input.Key));
      if (!document) throw new Error(`no object ${input.Key}`);
      const bytes = new TextEncoder().encode(JSON.stringify(document));
      return { Body: { transformToByteArray: async () => bytes } };
    })
    .on(PutObjectCommand, () => ({ ETag: '"draft"' }));
});
afterEach(() => aws.restore());

const rollUpTask = () => ({ signOff: SIGN_OFF });

describe('Function: roll-up-round', () => {
  it("reads only each item's approved version, with no Scan, and drafts the round's report in the private bucket", async () => {
    // Act
    const summary = await rollUpRound(rollUpTask(), lambdaContext());

    // Assess
    expect(summary).toMatchObject({ draftKey: 'drafts/opdc/2566-h1/a1/report.json', items: 6 });
    expect(aws.calls(BatchGetCommand)[0]?.RequestItems?.['acm-report-test']?.Keys).toEqual(
      ITEMS.map((no) => ({
        pk: `SUBMISSION#opdc#2566-h1#${no}`,
        sk: `V#00000${approvedVersion(no)}`,
      })),
    );
    expect(aws.calls(GetObjectCommand).map((g) => [g.Bucket, g.Key])).toEqual(
      ITEMS.map((no) => ['acm-report-test-incoming', documentKey(no)]),
    );
    const [draft] = aws.calls(PutObjectCommand);
    expect(draft).toMatchObject({
      Bucket: 'acm-report-test-incoming',
      Key: 'drafts/opdc/2566-h1/a1/report.json',
      ContentType: 'application/json; charset=utf-8',
    });
    expect(aws.calls(PutObjectCommand)).toHaveLength(1);
  });

  it('keeps, for every item, where its text came from: submission, version and sha256 of the upload', async () => {
    const summary = await rollUpRound(rollUpTask(), lambdaContext());
    const report = JSON.parse(String(aws.calls(PutObjectCommand)[0]?.Body));
    expect(report.items.map((i: { no: number }) => i.no)).toEqual(ITEMS);
    expect(report.items[2].provenance).toEqual({
      submissionId: 'opdc/2566-h1/3',
      version: 2,
      sha256: sha256Of(3),
    });
    expect(report.rollup.budgetUsed).toBe(summary.budgetUsed);
  });

  it('drafts the same report as the seed built directly, item for item', async () => {
    await rollUpRound(rollUpTask(), lambdaContext());
    const report = JSON.parse(String(aws.calls(PutObjectCommand)[0]?.Body));
    const expected = seedReport();
    expect(report.rollup).toEqual(expected.rollup);
    expect(report.items.map(({ provenance, ...item }: { provenance: unknown }) => item)).toEqual(
      expected.items,
    );
  });

  it('fails, writing no draft, when a stored submission no longer validates', async () => {
    documents.set(documentKey(4), { ...(seedSubmissionJson(4) as object), budgetUsed: 1.005 });
    await expect(rollUpRound(rollUpTask(), lambdaContext())).rejects.toThrow(/no longer validates/);
    expect(aws.calls(PutObjectCommand)).toEqual([]);
  });

  it('fails when the round is not in the table', async () => {
    aws.on(QueryCommand, () => ({ Items: [] }));
    await expect(rollUpRound(rollUpTask(), lambdaContext())).rejects.toThrow(/not found/);
    expect(aws.calls(BatchGetCommand)).toEqual([]);
  });
});
