/**
 * publish-report through middy: the signed-off draft becomes report.json,
 * report.pdf and report.html under reports/{agency}/{fy}/{period}/v{n}/,
 * and only then the site's index.json and index.html. No emulator is wired
 * in this test: the AWS clients are mocked at Client.prototype.send
 * (./aws-mock.ts); the handler, middy, Powertools, the domain and the real
 * PDF and HTML renderers run.
 */

import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PublishedEntry } from '../../shared/publish/published-entry.js';
import { seedReport } from '../helpers/seed-round.js';
import { type AwsMock, awsError, mockAws } from './aws-mock.js';
import { SIGN_OFF, signOffDecision } from './derived-events.js';
import { lambdaContext, setHandlerEnvironment } from './lambda-context.js';

setHandlerEnvironment();
type Published = { version: number; paths: PublishedEntry['paths'] };
let publishReport: (
  event: unknown,
  context: ReturnType<typeof lambdaContext>,
) => Promise<Published>;

beforeAll(async () => {
  publishReport = (await import('../../functions/publish-report/handler.js')).handler as never;
});

const PUBLISHED = 'acm-report-test-published';
const V1 = 'reports/opdc/2566/H1/v1';
// Literal on purpose: what a cache reads, not whatever the constant says.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, no-cache';
const draftJson = JSON.stringify(seedReport());
const ROUND_ITEM = {
  pk: 'ROUND#opdc#2566-h1',
  sk: 'ROUND',
  agencyId: 'opdc',
  roundId: '2566-h1',
  round: { approvalChain: ['division-director', 'anti-corruption-centre'] },
};

let aws: AwsMock;
/** Every write, in the order it reached AWS. */
let writes: string[];
/** Publications already in the table before this one. */
let earlier: Record<string, unknown>[];
beforeEach(() => {
  writes = [];
  earlier = [];
  aws = mockAws()
    .on(GetObjectCommand, () => {
      const bytes = new TextEncoder().encode(draftJson);
      return { Body: { transformToByteArray: async () => bytes } };
    })
    .on(UpdateCommand, (input) => {
      const claim = String(input.UpdateExpression).includes('publishedVersion');
      writes.push(claim ? 'ddb claim version' : 'ddb settle sign-off');
      return claim ? { Attributes: { publishedVersion: 1, publishedForAttempt: 1 } } : {};
    })
    .on(PutObjectCommand, (input) => {
      writes.push(`s3 ${input.Key}`);
      return { ETag: '"e"' };
    })
    .on(PutCommand, () => {
      writes.push('ddb published entry');
      return {};
    })
    .on(QueryCommand, () => ({
      Items: [...earlier, ...aws.calls(PutCommand).map((p) => p.Item ?? {})],
    }))
    // The round (for its approval chain) and its approval trail, for the ITA evidence.
    .on(GetCommand, () => ({ Item: ROUND_ITEM }))
    .on(BatchGetCommand, () => ({ Responses: {} }));
});
afterEach(() => aws.restore());

const signedOff = () => ({ signOff: SIGN_OFF, decision: signOffDecision('approved') });
const sha256 = (body: unknown) =>
  createHash('sha256')
    .update(body as string | Uint8Array)
    .digest('hex');
const put = (key: string) => aws.calls(PutObjectCommand).find((p) => p.Key === key);

describe('Function: publish-report', () => {
  it('writes the versioned report.json, .pdf and .html before index.json and index.html', async () => {
    // Act
    const published = await publishReport(signedOff(), lambdaContext());

    // Assess
    expect(published).toEqual({
      version: 1,
      paths: {
        json: `${V1}/report.json`,
        pdf: `${V1}/report.pdf`,
        html: `${V1}/report.html`,
      },
    });
    expect(writes.slice(0, 4)).toEqual([
      'ddb claim version',
      `s3 ${V1}/report.json`,
      `s3 ${V1}/report.pdf`,
      `s3 ${V1}/report.html`,
    ]);
    // The version's own catalogue files (immutable) and the search indexes
    // holding its part, all before its index line.
    expect(writes.slice(4, 12)).toEqual([
      `s3 ${V1}/items.csv`,
      `s3 ${V1}/evidence.pdf`,
      `s3 ${V1}/evidence.html`,
      `s3 ${V1}/index.html`,
      's3 catalogue/search/opdc.json',
      's3 catalogue/search/all.json',
      's3 catalogue/search-terms.json',
      'ddb published entry',
    ]);
    // Then the shared catalogue files, and the index last of all.
    expect(writes).toContain('s3 catalogue/search/all.json');
    expect(writes).toContain('s3 open-data/dcat.jsonld');
    expect(writes.slice(-3)).toEqual(['s3 index.json', 's3 index.html', 'ddb settle sign-off']);
    expect(new Set(aws.calls(PutObjectCommand).map((p) => p.Bucket))).toEqual(new Set([PUBLISHED]));
    // The draft comes from the private bucket, where roll-up left it.
    const reads = aws.calls(GetObjectCommand);
    expect(reads.filter((r) => r.Bucket !== PUBLISHED)).toEqual([
      { Bucket: 'acm-report-test-incoming', Key: 'drafts/opdc/2566-h1/a1/report.json' },
    ]);
    // Nothing is read back from the public site: no earlier version, so no index to update.
    expect(reads.filter((r) => r.Bucket === PUBLISHED)).toEqual([]);
  });

  it('gives every object its type, a cache lifetime, and its sha256, which the index lists', async () => {
    await publishReport(signedOff(), lambdaContext());

    const types = { json: 'application/json', pdf: 'application/pdf', html: 'text/html' };
    const index = JSON.parse(String(put('index.json')?.Body)).reports as PublishedEntry[];
    expect(index).toHaveLength(1);
    for (const kind of ['json', 'pdf', 'html'] as const) {
      const object = put(`${V1}/report.${kind}`);
      const digest = sha256(object?.Body);
      expect(object?.ContentType).toContain(types[kind]);
      expect(object?.CacheControl).toBe(IMMUTABLE);
      expect(object?.Metadata).toEqual({ sha256: digest });
      expect(index[0]?.sha256[kind]).toBe(digest);
      expect(index[0]?.paths[kind]).toBe(`${V1}/report.${kind}`);
    }
    expect(put('index.json')).toMatchObject({
      ContentType: 'application/json; charset=utf-8',
      CacheControl: REVALIDATE,
    });
    expect(put('index.html')).toMatchObject({
      ContentType: 'text/html; charset=utf-8',
      CacheControl: REVALIDATE,
    });
    expect(String(put('index.html')?.Body)).toContain(`${V1}/report.pdf`);
  });

  it('publishes the signed-off report: a real PDF, and JSON carrying the sign-off and version', async () => {
    await publishReport(signedOff(), lambdaContext());
    const pdf = put(`${V1}/report.pdf`)?.Body as Uint8Array;
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const report = JSON.parse(String(put(`${V1}/report.json`)?.Body));
    expect(report).toMatchObject({ publishedVersion: 1 });
    // Name and position as the report prints them; the sub stays in the audit trail only.
    expect(report.signOff).toEqual({
      name: 'นายปรีชา วงศ์สุจริต',
      position: 'หัวหน้าส่วนราชการ',
      role: 'agency-head',
      at: '2023-05-02T03:00:00.000Z',
    });
    expect(aws.calls(UpdateCommand).at(-1)?.ExpressionAttributeValues).toMatchObject({
      ':signOff': {
        state: 'approved',
        attempt: 1,
        by: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
        byPosition: 'หัวหน้าส่วนราชการ',
      },
    });
  });

  it('keeps the old index when it fails between the versioned objects and the index', async () => {
    aws.on(PutObjectCommand, (input) => {
      writes.push(`s3 ${input.Key}`);
      if (String(input.Key).endsWith('report.html')) throw awsError('InternalError');
      return {};
    });
    await expect(publishReport(signedOff(), lambdaContext())).rejects.toThrow();
    expect(writes).not.toContain('s3 index.json');
    expect(writes).not.toContain('s3 index.html');
    expect(writes).not.toContain('ddb published entry');
    expect(writes).not.toContain('ddb settle sign-off');
  });

  it('lists every published version in the index, the new one beside the earlier', async () => {
    earlier = [
      {
        pk: 'PUBLISHED',
        sk: 'REPORT#opdc#2566-h1#v0001',
        agencyId: 'opdc',
        agencyNameTh: 'สำนักงาน ก.พ.ร.',
        fiscalYear: 2566,
        period: 'H1',
        version: 1,
        publishedAt: '2023-05-01T00:00:00.000Z',
        paths: { json: `${V1}/report.json`, pdf: `${V1}/report.pdf`, html: `${V1}/report.html` },
        sha256: { json: 'a'.repeat(64), pdf: 'b'.repeat(64), html: 'c'.repeat(64) },
      },
    ];
    aws.on(UpdateCommand, (input) =>
      String(input.UpdateExpression).includes('publishedVersion')
        ? { Attributes: { publishedVersion: 2 } }
        : {},
    );
    const published = await publishReport(signedOff(), lambdaContext());
    expect(published.paths.pdf).toBe('reports/opdc/2566/H1/v2/report.pdf');
    expect(aws.calls(PutCommand)[0]?.Item).toMatchObject({
      pk: 'PUBLISHED',
      sk: 'REPORT#opdc#2566-h1#v0002',
    });
    const index = JSON.parse(String(put('index.json')?.Body)).reports as PublishedEntry[];
    expect(index.map((e) => e.version)).toEqual([1, 2]);
    expect(index[0]).not.toHaveProperty('pk');
  });

  it('republishes the same version when Step Functions retries the same sign-off', async () => {
    aws.on(UpdateCommand, (input) => {
      if (String(input.UpdateExpression).includes('publishedVersion')) {
        throw awsError('ConditionalCheckFailedException');
      }
      return {};
    });
    aws.on(GetCommand, () => ({ Item: { ...ROUND_ITEM, publishedVersion: 1 } }));
    const published = await publishReport(signedOff(), lambdaContext());
    expect(published.version).toBe(1);
    expect(put(`${V1}/report.json`)).toBeDefined();
  });

  it('refuses to publish a sign-off the agency head returned, writing nothing', async () => {
    const task = { signOff: SIGN_OFF, decision: signOffDecision('returned', 'ยังไม่ครบ') };
    await expect(publishReport(task, lambdaContext())).rejects.toThrow(/approved sign-off/);
    expect(writes).toEqual([]);
  });
});
