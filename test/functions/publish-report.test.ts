/**
 * publish-report through middy on the embedded services (./handler-services.ts):
 * the signed-off draft, read from the private bucket in s3rver, becomes
 * report.json, report.pdf and report.html under reports/{agency}/{fy}/{period}/v{n}/
 * in the published bucket, and only then the site's index.json and
 * index.html; the round and the published list live in dynalite. The order
 * of writes is read off the requests as they pass the fault proxy. The
 * handler, middy, Powertools, the domain, the adapters and the real PDF and
 * HTML renderers run.
 */

import { createHash } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProxiedRequest } from '../../local/fault-proxy.js';
import { DynamoDbPublishedRepository } from '../../shared/adapters/dynamodb-published-repository.js';
import type { PublishedEntry } from '../../shared/publish/published-entry.js';
import { TransientError } from '../../shared/workflow/transient-error.js';
import { seedReport, seedRound } from '../helpers/seed-round.js';
import { SIGN_OFF, signOffDecision } from './derived-events.js';
import { type HandlerServices, startHandlerServices } from './handler-services.js';
import { lambdaContext } from './lambda-context.js';

type Published = { version: number; paths: PublishedEntry['paths'] };
let publishReport: (
  event: unknown,
  context: ReturnType<typeof lambdaContext>,
) => Promise<Published>;

let stack: HandlerServices;
let published: DynamoDbPublishedRepository;
beforeAll(async () => {
  stack = await startHandlerServices();
  published = new DynamoDbPublishedRepository(stack.documents, stack.tableName);
  publishReport = (await import('../../functions/publish-report/handler.js')).handler as never;
});
// Closing three emulators can take a while on a loaded machine.
afterAll(() => stack?.close(), 60_000);

const V1 = 'reports/opdc/2566/H1/v1';
// Literal on purpose: where roll-up leaves the draft, not whatever the constant says.
const DRAFT_KEY = 'drafts/opdc/2566-h1/a1/report.json';
// Literal on purpose: what a cache reads, not whatever the constant says.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, no-cache';
const HEAD_SUB = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';

/** Every write the handler sent, in the order it reached the emulators. */
let writes: string[];
/** Every S3 read the handler sent, as bucket/key. */
let reads: { bucket: string; key: string }[];
let stopObserving: () => void;

/** "/bucket/key" as the SDK sends it (path style, URL-encoded). */
const objectOf = (request: ProxiedRequest) => {
  const [, bucket = '', ...key] = request.path.split('/');
  return { bucket, key: decodeURIComponent(key.join('/')) };
};
const writeOf = (request: ProxiedRequest): string | undefined => {
  if (request.service === 's3' && request.method === 'PUT') {
    const { bucket, key } = objectOf(request);
    return `s3 ${bucket} ${key}`;
  }
  if (request.operation === 'PutItem') return 'ddb published entry';
  if (request.operation === 'UpdateItem') {
    return request.body.includes('publishedVersion') ? 'ddb claim version' : 'ddb settle sign-off';
  }
  return undefined;
};

beforeEach(async () => {
  await stack.wipe();
  await stack.rounds.openRound({
    agencyId: 'opdc',
    roundId: '2566-h1',
    round: { ...seedRound(), approvalChain: ['division-director', 'anti-corruption-centre'] },
    openedBy: 'coordinator',
    openedAt: '2023-04-01T02:00:00.000Z',
  });
  await stack.rounds.claimSignOff('opdc', '2566-h1', {
    state: 'requested',
    attempt: 1,
    at: '2023-05-01T03:00:00.000Z',
  });
  await stack.objects.putJson(stack.incomingBucket, DRAFT_KEY, seedReport());
  writes = [];
  reads = [];
  // Sees every request the handler sends and fails none.
  stopObserving = stack.faults.inject({
    name: 'observe',
    matches: (request) => {
      const write = writeOf(request);
      if (write) writes.push(write);
      if (request.service === 's3' && request.method === 'GET') reads.push(objectOf(request));
      return false;
    },
  });
});
afterEach(() => {
  stopObserving();
  stack.faults.clear();
});

const signedOff = (attempt = 1) => ({
  signOff: { ...SIGN_OFF, attempt },
  decision: signOffDecision('approved'),
});
const sha256 = (body: Uint8Array) => createHash('sha256').update(body).digest('hex');
async function object(key: string) {
  const got = await stack.s3.send(
    new GetObjectCommand({ Bucket: stack.publishedBucket, Key: key }),
  );
  const bytes = await got.Body?.transformToByteArray();
  if (!bytes) throw new Error(`${key} has no body`);
  return {
    bytes,
    text: new TextDecoder().decode(bytes),
    contentType: got.ContentType,
    cacheControl: got.CacheControl,
    metadata: got.Metadata,
  };
}
const indexEntries = async () =>
  JSON.parse((await object('index.json')).text).reports as PublishedEntry[];

describe('Function: publish-report', () => {
  it('writes the versioned report.json, .pdf and .html before index.json and index.html', async () => {
    const P = stack.publishedBucket;

    // Act
    const result = await publishReport(signedOff(), lambdaContext());

    // Assess
    expect(result).toEqual({
      version: 1,
      paths: {
        json: `${V1}/report.json`,
        pdf: `${V1}/report.pdf`,
        html: `${V1}/report.html`,
      },
    });
    expect(writes.slice(0, 4)).toEqual([
      'ddb claim version',
      `s3 ${P} ${V1}/report.json`,
      `s3 ${P} ${V1}/report.pdf`,
      `s3 ${P} ${V1}/report.html`,
    ]);
    // The version's own catalogue files (immutable) and the search indexes
    // holding its part, all before its index line.
    expect(writes.slice(4, 12)).toEqual([
      `s3 ${P} ${V1}/items.csv`,
      `s3 ${P} ${V1}/evidence.pdf`,
      `s3 ${P} ${V1}/evidence.html`,
      `s3 ${P} ${V1}/index.html`,
      `s3 ${P} catalogue/search/opdc.json`,
      `s3 ${P} catalogue/search/all.json`,
      `s3 ${P} catalogue/search-terms.json`,
      'ddb published entry',
    ]);
    // Then the shared catalogue files, and the index last of all.
    expect(writes).toContain(`s3 ${P} open-data/dcat.jsonld`);
    expect(writes.slice(-3)).toEqual([
      `s3 ${P} index.json`,
      `s3 ${P} index.html`,
      'ddb settle sign-off',
    ]);
    // Everything goes to the published bucket.
    expect(writes.filter((w) => w.startsWith('s3 ') && !w.startsWith(`s3 ${P} `))).toEqual([]);
    // The draft comes from the private bucket, where roll-up left it.
    expect(reads.filter((r) => r.bucket !== P)).toEqual([
      { bucket: stack.incomingBucket, key: DRAFT_KEY },
    ]);
    // Nothing is read back from the public site: no earlier version, so no index to update.
    expect(reads.filter((r) => r.bucket === P)).toEqual([]);
  });

  it('gives every object its type, a cache lifetime, and its sha256, which the index lists', async () => {
    await publishReport(signedOff(), lambdaContext());

    const types = { json: 'application/json', pdf: 'application/pdf', html: 'text/html' };
    const index = await indexEntries();
    expect(index).toHaveLength(1);
    for (const kind of ['json', 'pdf', 'html'] as const) {
      const stored = await object(`${V1}/report.${kind}`);
      const digest = sha256(stored.bytes);
      expect(stored.contentType).toContain(types[kind]);
      expect(stored.cacheControl).toBe(IMMUTABLE);
      expect(stored.metadata).toEqual({ sha256: digest });
      expect(index[0]?.sha256[kind]).toBe(digest);
      expect(index[0]?.paths[kind]).toBe(`${V1}/report.${kind}`);
    }
    expect(await object('index.json')).toMatchObject({
      contentType: 'application/json; charset=utf-8',
      cacheControl: REVALIDATE,
    });
    const indexHtml = await object('index.html');
    expect(indexHtml).toMatchObject({
      contentType: 'text/html; charset=utf-8',
      cacheControl: REVALIDATE,
    });
    expect(indexHtml.text).toContain(`${V1}/report.pdf`);
  });

  it('publishes the signed-off report: a real PDF, and JSON carrying the sign-off and version', async () => {
    await publishReport(signedOff(), lambdaContext());

    const pdf = (await object(`${V1}/report.pdf`)).bytes;
    expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const report = JSON.parse((await object(`${V1}/report.json`)).text);
    expect(report).toMatchObject({ publishedVersion: 1 });
    // Name and position as the report prints them; the sub stays in the audit trail only.
    expect(report.signOff).toEqual({
      name: 'นายปรีชา วงศ์สุจริต',
      position: 'หัวหน้าส่วนราชการ',
      role: 'agency-head',
      at: '2023-05-02T03:00:00.000Z',
    });
    const round = await stack.rounds.getRoundHeader('opdc', '2566-h1');
    expect(round?.signOff).toMatchObject({
      state: 'approved',
      attempt: 1,
      by: HEAD_SUB,
      byPosition: 'หัวหน้าส่วนราชการ',
    });
    expect(round?.publishedVersion).toBe(1);
  });

  it('keeps the old index when it fails between the versioned objects and the index', async () => {
    stack.faults.inject({
      name: 'report.html refused',
      matches: (request) =>
        request.service === 's3' &&
        request.method === 'PUT' &&
        request.path.endsWith('/report.html'),
    });

    const failure = await publishReport(signedOff(), lambdaContext()).catch((e: unknown) => e);

    // Step Functions retries the task: the handler says the failure is transient.
    expect(failure).toBeInstanceOf(TransientError);
    expect(writes).toContain(`s3 ${stack.publishedBucket} ${V1}/report.html`);
    expect(writes.filter((w) => w.endsWith(' index.json') || w.endsWith(' index.html'))).toEqual(
      [],
    );
    expect(writes).not.toContain('ddb published entry');
    expect(writes).not.toContain('ddb settle sign-off');
    expect(await published.list()).toEqual([]);
    expect((await stack.rounds.getRoundHeader('opdc', '2566-h1'))?.signOff?.state).toBe(
      'requested',
    );
  });

  it('lists every published version in the index, the new one beside the earlier', async () => {
    // Prepare: attempt 1 was published as v1, then returned; attempt 2 is signed off now.
    await publishReport(signedOff(1), lambdaContext());
    await stack.rounds.settleSignOff('opdc', '2566-h1', {
      state: 'returned',
      attempt: 1,
      at: '2023-05-03T03:00:00.000Z',
    });
    await stack.rounds.claimSignOff('opdc', '2566-h1', {
      state: 'requested',
      attempt: 2,
      at: '2023-05-04T03:00:00.000Z',
    });
    // Roll-up leaves a draft per sign-off attempt.
    await stack.objects.putJson(
      stack.incomingBucket,
      DRAFT_KEY.replace('/a1/', '/a2/'),
      seedReport(),
    );

    // Act
    const result = await publishReport(signedOff(2), lambdaContext());

    // Assess
    expect(result.paths.pdf).toBe('reports/opdc/2566/H1/v2/report.pdf');
    expect((await published.list()).map((e) => e.version)).toEqual([1, 2]);
    const index = await indexEntries();
    expect(index.map((e) => e.version)).toEqual([1, 2]);
    expect(index[0]?.paths.pdf).toBe(`${V1}/report.pdf`);
    expect(index[0]).not.toHaveProperty('pk');
    expect(index[0]).not.toHaveProperty('sk');
  });

  it('republishes the same version when Step Functions retries the same sign-off', async () => {
    const first = await publishReport(signedOff(), lambdaContext());
    const firstJson = (await object(`${V1}/report.json`)).text;
    writes.length = 0;

    const again = await publishReport(signedOff(), lambdaContext());

    expect(first.version).toBe(1);
    expect(again.version).toBe(1);
    expect(writes).toContain(`s3 ${stack.publishedBucket} ${V1}/report.json`);
    expect((await object(`${V1}/report.json`)).text).toBe(firstJson);
    expect((await stack.rounds.getRoundHeader('opdc', '2566-h1'))?.publishedVersion).toBe(1);
    expect((await indexEntries()).map((e) => e.version)).toEqual([1]);
  });

  it('refuses to publish a sign-off the agency head returned, writing nothing', async () => {
    const task = { signOff: SIGN_OFF, decision: signOffDecision('returned', 'ยังไม่ครบ') };
    await expect(publishReport(task, lambdaContext())).rejects.toThrow(/approved sign-off/);
    expect(writes).toEqual([]);
  });
});
