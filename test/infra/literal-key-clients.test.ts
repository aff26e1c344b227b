/**
 * The SDK clients bundles take with literal schema keys
 * (infra/bundling/literal-key-clients.ts): the rewrite builds the very
 * schemas the installed client builds, a bundle keeps the schemas its
 * commands reach and drops the rest, and a bundle of the S3 adapters still
 * sends every S3 request the functions make, against s3rver on 127.0.0.1,
 * from a fresh process as Lambda runs it.
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literalKeyClient, projectClients } from '../../infra/bundling/literal-key-clients.js';
import { literalSchemaKeys } from '../../infra/bundling/literal-schema-keys.js';
import { functionBuildOptions } from '../../infra/constructs/function-bundling.js';
import { REPO_ROOT } from '../../infra/constructs/repo-paths.js';
import {
  type EmbeddedServices,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startEmbeddedServices,
} from '../../local/embedded-services.js';

const BUCKET = 'acm-report-test-incoming';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'acm-literal-keys-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Bundles `contents` (resolved from the repository root) with `options` into dir/name.mjs. */
async function bundleSource(
  name: string,
  contents: string,
  alias: Record<string, string> = {},
): Promise<string> {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    ...functionBuildOptions('node20'),
    stdin: { contents, resolveDir: REPO_ROOT, loader: 'ts' },
    ...(Object.keys(alias).length > 0 ? { alias } : {}),
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/**
 * A schema module's exports as comparable text: a thunk (`() => Other$`) is
 * written as the name of the export it returns, an export reached again by
 * its name, so two copies compare by structure, not by identity.
 */
function describeSchemas(exports: Record<string, unknown>): Record<string, string> {
  const names = new Map<unknown, string>(Object.entries(exports).map(([k, v]) => [v, k]));
  const text = (value: unknown, top: boolean): string => {
    if (!top && names.has(value)) return `<${names.get(value)}>`;
    if (typeof value === 'function') {
      const target = (value as () => unknown)();
      return `() => ${names.get(target) ?? text(target, false)}`;
    }
    if (Array.isArray(value)) return `[${value.map((v) => text(v, false)).join(', ')}]`;
    if (value && typeof value === 'object') {
      return `{${Object.entries(value)
        .map(([k, v]) => `${JSON.stringify(k)}: ${text(v, false)}`)
        .join(', ')}}`;
    }
    return JSON.stringify(value) ?? String(value);
  };
  return Object.fromEntries(Object.entries(exports).map(([k, v]) => [k, text(v, true)]));
}

describe('Literal schema keys', () => {
  it('write a computed key that names a string constant, and nothing else', () => {
    // Prepare
    const source = [
      'const _h = "http";',
      'let _m = "mutable";',
      'const _n = 7;',
      'export var A$ = [9, { [_h]: ["GET", "/"] }, { [_m]: 1 }, { [_n]: 2 }, { [_h + "s"]: 3 }];',
      'export function f(_h) { return { [_h]: 4 }; }',
      'const s = "{ [_h]: in a string }";',
    ].join('\n');

    // Act
    const result = literalSchemaKeys(source);

    // Assess: _h is shadowed inside f, so it is kept everywhere (one rule, no scope guessing).
    expect(result).toMatchObject({ rewritten: 0, kept: 5 });
    const unshadowed = literalSchemaKeys(source.replace('function f(_h)', 'function f(_x)'));
    expect(unshadowed.rewritten).toBe(2);
    expect(unshadowed.text).toContain('{ "http": ["GET", "/"] }');
    expect(unshadowed.text).toContain('{ "http": 4 }');
    expect(unshadowed.text).toContain('{ [_m]: 1 }');
    expect(unshadowed.text).toContain('"{ [_h]: in a string }"');
  });

  it.each(projectClients())('leave no computed key in the copy of %s', (client) => {
    const copy = literalKeyClient(client);
    if (copy === undefined) return;
    const schemas = readFileSync(join(copy, 'dist-es', 'schemas', 'schemas_0.js'), 'utf8');
    expect(literalSchemaKeys(schemas)).toMatchObject({ rewritten: 0, kept: 0 });
  });

  it('build the same S3 schemas as the installed client', async () => {
    // Prepare: each copy's schema module, bundled on its own and imported here.
    const copy = literalKeyClient('@aws-sdk/client-s3') as string;
    const installed = await bundleSource(
      'schemas-installed',
      `export * from './node_modules/@aws-sdk/client-s3/dist-es/schemas/schemas_0.js';`,
    );
    const literal = await bundleSource(
      'schemas-literal',
      `export * from ${JSON.stringify(join(copy, 'dist-es', 'schemas', 'schemas_0.js'))};`,
    );

    // Act
    const before = describeSchemas(await import(pathToFileURL(installed).href));
    const after = describeSchemas(await import(pathToFileURL(literal).href));

    // Assess
    expect(Object.keys(before).length).toBeGreaterThan(400);
    expect(after).toEqual(before);
    expect(before.GetObject$).toContain('"http": ["GET", "/{Key+}?x-id=GetObject", 200]');
  });

  it('let a bundle keep only the S3 schemas its commands reach', async () => {
    const file = await bundleSource(
      'head-only',
      `import { HeadObjectCommand } from '@aws-sdk/client-s3';
       export const command = new HeadObjectCommand({ Bucket: 'b', Key: 'k' });`,
    );
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('HeadObjectRequest');
    expect(text).not.toContain('PutBucketLifecycleConfiguration');
    expect(text).not.toContain('SelectObjectContent');
  });
});

/** Every S3 request the functions send, through the project's adapters, printed as JSON. */
const S3_REQUESTS = `
import { s3Client } from './shared/adapters/s3-client.ts';
import { S3BlobStore } from './shared/adapters/s3-blob-store.ts';
import { S3PresignedRead } from './shared/adapters/s3-presigned-read.ts';
import { presignUpload } from './shared/adapters/s3-presigned-upload.ts';

const bucket = process.env.BUCKET;
const objects = new S3BlobStore(s3Client());
await objects.putJson(bucket, 'drafts/opdc/report.json', { round: '2566-h1', items: ['๑'] }, 'no-store');
const head = await objects.head(bucket, 'drafts/opdc/report.json');
const json = await objects.getJson(bucket, 'drafts/opdc/report.json');
const matching = new TextDecoder().decode(
  await objects.getBytes(bucket, 'drafts/opdc/report.json', head.etag),
);
const missing = await objects.getJsonIfPresent(bucket, 'drafts/opdc/none.json');
const url = await new S3PresignedRead(s3Client()).readUrl(bucket, 'drafts/opdc/report.json', {
  expiresInSeconds: 60,
  contentType: 'application/json; charset=utf-8',
});
const presigned = await fetch(url);
const post = await presignUpload(s3Client(), bucket, 'incoming/opdc/1.json', {
  contentType: 'application/json',
  maxBytes: 1024,
  expiresSeconds: 60,
  uploadedBy: 'sub-1',
});
const form = new FormData();
for (const [field, value] of Object.entries(post.fields)) form.append(field, value);
form.append('file', new Blob(['{"itemNo":1}'], { type: 'application/json' }));
const posted = await fetch(post.url, { method: 'POST', body: form });
const uploaded = await objects.getJson(bucket, 'incoming/opdc/1.json');
console.log(JSON.stringify({
  head: { size: head.size, contentType: head.contentType, etag: head.etag.length > 0 },
  json,
  matching: JSON.parse(matching),
  missing: missing === undefined ? 'undefined' : missing,
  presigned: { status: presigned.status, contentType: presigned.headers.get('content-type'), body: await presigned.json() },
  posted: posted.status,
  uploaded,
}));
`;

describe('A bundle of the S3 adapters', () => {
  let services: EmbeddedServices;

  beforeAll(async () => {
    services = await startEmbeddedServices({ buckets: [BUCKET] });
  }, 60_000);

  afterAll(async () => {
    await services?.close();
  });

  it('sends every S3 request the functions make, signed, against the local S3', async () => {
    // Prepare
    const bundle = await bundleSource('s3-requests', S3_REQUESTS);

    // Act: not execFileSync, s3rver answers from this process's event loop.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(bundle).href)})`],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          BUCKET,
          AWS_REGION: LOCAL_REGION,
          AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
          AWS_ENDPOINT_URL_S3: services.endpoints.s3,
          ACM_S3_FORCE_PATH_STYLE: 'true',
          AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
          AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
        },
      },
    );

    // Assess
    const report = { round: '2566-h1', items: ['๑'] };
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')).toEqual({
      head: {
        size: Buffer.byteLength(`${JSON.stringify(report, null, 2)}\n`),
        contentType: 'application/json; charset=utf-8',
        etag: true,
      },
      json: report,
      matching: report,
      missing: 'undefined',
      presigned: { status: 200, contentType: 'application/json; charset=utf-8', body: report },
      posted: 204,
      uploaded: { itemNo: 1 },
    });
  }, 60_000);
});
