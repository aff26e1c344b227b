/**
 * A function bundled as infra bundles it (infra/constructs/function-bundling.ts)
 * signs with the keys Lambda puts in its environment and carries none of the
 * rest of the SDK's credential chain. The bundle runs in a fresh Node process,
 * as Lambda would run it, against dynalite on 127.0.0.1.
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionBuildOptions } from '../../infra/constructs/function-bundling.js';
import { handlerEntry } from '../../infra/constructs/repo-paths.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { httpGet } from '../functions/derived-events.js';
import { withCaller } from '../functions/events.js';
import { lambdaContext } from '../functions/lambda-context.js';
import { seedRound } from '../helpers/seed-round.js';
import { type DynaliteTable, startDynaliteTable } from '../repositories/dynalite-table.js';

/** Imports the bundle, calls its handler with the event and context in argv, prints the result. */
const INVOKE = `const [bundle, event, context] = process.argv.slice(1);
const { handler } = await import(bundle);
try {
  console.log(JSON.stringify(await handler(JSON.parse(event), JSON.parse(context))));
} catch (error) {
  console.log(JSON.stringify({ thrown: String(error) }));
}`;

let dir: string;
let bundle: string;
let metafile: Metafile;
let table: DynaliteTable;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'acm-bundle-'));
  bundle = join(dir, 'index.mjs');
  ({ metafile } = await build({
    ...functionBuildOptions('node20'),
    entryPoints: [handlerEntry('get-round')],
    outfile: bundle,
    metafile: true,
    logLevel: 'silent',
  }));
  table = await startDynaliteTable();
  await new DynamoDbRoundRepository(table.documents, table.tableName).openRound({
    agencyId: 'opdc',
    roundId: '2566-h1',
    round: seedRound(),
    openedBy: '3c9a1f0e-8d2b-4b6a-9f3e-6a1d2c3b4e5f',
    openedAt: '2023-04-01T02:00:00.000Z',
  });
}, 60_000);

afterAll(async () => {
  await table?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The bundled get-round in a fresh process whose environment is `credentials` and the table only. */
async function invokeBundle(credentials: Record<string, string>): Promise<Record<string, unknown>> {
  const event = withCaller(
    httpGet('api-round-status.json', '/agencies/{agencyId}/rounds/{roundId}', {
      agencyId: 'opdc',
      roundId: '2566-h1',
    }),
    { groups: ['opdc:coordinator'] },
  );
  // Not execFileSync: dynalite answers from this process's event loop.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      INVOKE,
      bundle,
      JSON.stringify(event),
      JSON.stringify(lambdaContext('acm-report-test-get-round')),
    ],
    {
      encoding: 'utf8',
      // HOME points at an empty folder: no shared config file can supply keys.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        TABLE_NAME: table.tableName,
        AWS_REGION: LOCAL_REGION,
        AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
        POWERTOOLS_SERVICE_NAME: 'get-round',
        POWERTOOLS_METRICS_NAMESPACE: 'AcmReport',
        ...credentials,
      },
    },
  );
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines.at(-1) ?? '{}');
}

describe('Function bundles', () => {
  it('leave out the credential chain Lambda never reaches', () => {
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((path) => path.endsWith('functions/common/lambda-credentials.ts'))).toBe(
      true,
    );
    for (const dropped of [
      '@aws-sdk/credential-provider-node/',
      '@aws-sdk/credential-provider-ini/',
      '@aws-sdk/credential-provider-sso/',
      '@aws-sdk/nested-clients/',
    ]) {
      expect(inputs.filter((path) => path.includes(dropped))).toEqual([]);
    }
  });

  it('sign with the keys in the environment, as Lambda gives them', async () => {
    const result = await invokeBundle({
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_SESSION_TOKEN: 'session-token-from-lambda',
    });
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(String(result.body))).toMatchObject({ agencyId: 'opdc', roundId: '2566-h1' });
  }, 60_000);

  it('answer 500, with no SDK text, when the environment holds no keys', async () => {
    const result = await invokeBundle({});
    expect(result.statusCode).toBe(500);
    expect(String(result.body)).not.toContain('environment variable credentials');
  }, 60_000);
});
