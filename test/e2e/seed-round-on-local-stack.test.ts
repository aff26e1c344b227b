/**
 * End to end on the embedded stack: the seed round played as `npm start`
 * plays it, then everything checked where it lives — DynamoDB items, S3
 * objects, drained queues, execution statuses — and the published
 * report.json compared with the offline build of the same submissions.
 */

import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFESTS } from '../../functions/manifests.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import { localIdentities } from '../../local/local-identities.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import { runSeedRoundScenario, type ScenarioResult } from '../../local/seed-round-scenario.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import { extractBodyLines } from '../helpers/pdf-text.js';
import { findPersonalData } from '../helpers/personal-data.js';
import { seedReport } from '../helpers/seed-round.js';

let stack: LocalStack;
let result: ScenarioResult;
const seed = seedReport();
const lines: string[] = [];

beforeAll(async () => {
  stack = await startLocalStack({
    agencyId: seed.agency.id,
    divisions: seed.items.map((i) => i.division),
    log: (line) => lines.push(line),
  });
  result = await runSeedRoundScenario(stack, seed, (line) => lines.push(line));
  await stack.settle(60_000);
}, 240_000);

afterAll(async () => {
  await stack?.close();
});

async function keysIn(bucket: string): Promise<string[]> {
  const page = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (page.Contents ?? []).map((o) => o.Key ?? '');
}

describe('The seed round on the local stack', () => {
  it('ran with IAM enforced: every request evaluated against its role, none denied or undecided', () => {
    // Dozens of requests per function went through the IAM fronts (local/iam).
    expect(stack.iam.ledger.checked).toBeGreaterThan(100);
    expect(stack.iam.ledger.denied).toEqual([]);
    expect(stack.iam.ledger.undecided).toEqual([]);
  });

  it("asked IAM only for actions each function's manifest grants (the dynamic half of test/infra/sdk-commands-within-manifests)", () => {
    const beyond: string[] = [];
    const coverage: string[] = [];
    for (const [principal, actions] of stack.iam.ledger.actionsOf) {
      const folder = stack.functions.all.find((fn) => fn.name === principal)?.folder;
      const manifest = MANIFESTS.find((m) => m.name === folder);
      expect(manifest, principal).toBeDefined();
      const granted = new Set<string>(manifest?.grants.flatMap((grant) => grant.actions) ?? []);
      for (const action of actions) if (!granted.has(action)) beyond.push(`${folder} ${action}`);
      const unused = [...granted].filter((action) => !actions.has(action));
      coverage.push(
        `${folder}: ${actions.size} of ${granted.size} granted actions used${unused.length ? `; not on this path: ${unused.join(', ')}` : ''}`,
      );
    }
    // Printed, not asserted: which grants a round leaves unused is for a reviewer to read.
    console.info(
      ['IAM actions used per function in the seed round:', ...coverage.sort()].join('\n'),
    );
    expect(beyond).toEqual([]);
    // The round's own path: an agency's upload to a published report goes through each of these.
    const seen = [...stack.iam.ledger.actionsOf.keys()].map(
      (principal) => stack.functions.all.find((fn) => fn.name === principal)?.folder,
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        'open-round',
        'request-upload',
        'intake',
        'approval-request',
        'decide-approval',
        'record-outcome',
        'roll-up-round',
        'publish-report',
      ]),
    );
  });

  it('publishes report.json, report.pdf and report.html, and the index', async () => {
    for (const url of Object.values(result.urls)) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      await response.body?.cancel();
    }
    const pdf = new Uint8Array(await (await fetch(result.urls.pdf)).arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const index = await (await fetch(result.urls.index)).text();
    expect(index).toContain(result.entry.paths.html);
  });

  it('publishes the same report the offline build makes of the same submissions', async () => {
    const published = (await (await fetch(result.urls.json)).json()) as Report;
    // Provenance, sign-off and version exist only once published; the rest must match.
    const strip = (report: Report) => ({
      ...report,
      signOff: undefined,
      publishedVersion: undefined,
      items: report.items.map(({ provenance: _, ...item }) => item),
    });
    expect(strip(published)).toEqual(strip(seed));
    expect(published.signOff?.role).toBe('agency-head');
    expect(published.items.every((item) => item.provenance?.sha256.length === 64)).toBe(true);
  });

  it("signs the report with the head's name and position, never an e-mail address", async () => {
    const head = localIdentities(seed.agency.id, []).find((p) => p.id === 'agency-head');
    const published = (await (await fetch(result.urls.json)).json()) as Report;
    expect(published.signOff).toEqual({
      name: head?.nameTh,
      position: head?.position,
      role: 'agency-head',
      at: expect.any(String),
    });
    const pdfText = (
      await extractBodyLines(new Uint8Array(await (await fetch(result.urls.pdf)).arrayBuffer()))
    ).join('\n');
    const html = await (await fetch(result.urls.html)).text();
    for (const text of [pdfText, html]) {
      expect(text).toContain(`(${head?.nameTh})`);
      expect(text).toContain(String(head?.position));
    }
  });

  it('publishes no e-mail address or phone number in any object', async () => {
    const keys = await keysIn(stack.publishedBucket);
    expect(keys.length).toBeGreaterThanOrEqual(5);
    for (const key of keys) {
      const object = await stack.s3.send(
        new GetObjectCommand({ Bucket: stack.publishedBucket, Key: key }),
      );
      const bytes = await object.Body?.transformToByteArray();
      if (!bytes) throw new Error(`${key} has no body`);
      // A PDF's text is in compressed streams: read it as a PDF reader would.
      const text = key.endsWith('.pdf')
        ? (await extractBodyLines(bytes)).join('\n')
        : new TextDecoder().decode(bytes);
      expect(findPersonalData(text), key).toEqual([]);
    }
  });

  it('kept every upload: the rejected first attempt of item 3 too', async () => {
    expect(result.uploads.filter((u) => u.status === 'rejected').map((u) => u.itemNo)).toEqual([3]);
    const incoming = await keysIn(stack.incomingBucket);
    for (const upload of result.uploads) {
      expect(
        incoming.some((key) => key.includes(upload.uploadId)),
        upload.uploadId,
      ).toBe(true);
    }
  });

  it('stored two versions of the returned item and one of every other', () => {
    const accepted = result.uploads.filter((u) => u.status === 'accepted');
    const versions = new Map<number, number[]>();
    for (const u of accepted)
      versions.set(u.itemNo, [...(versions.get(u.itemNo) ?? []), u.version ?? 0]);
    expect(versions.get(4)).toEqual([1, 2]);
    for (const no of [1, 2, 3, 5, 6]) expect(versions.get(no)).toEqual([1]);
  });

  it('recorded the decisions: one return and the approvals of every step, and the sign-off', () => {
    expect(result.decisions.filter((d) => d.decision === 'return').map((d) => d.by)).toEqual([
      'director-4',
    ]);
    const approvals = result.decisions.filter((d) => d.decision === 'approve');
    // Six items × (director + anti-corruption centre) + the agency head's sign-off.
    expect(approvals).toHaveLength(6 * 2 + 1);
  });

  it('drained the working queues and dead-lettered nothing', () => {
    for (const queue of stack.resources.queues.values()) {
      const inspected = stack.services.sqs.inspectQueue(queue.name);
      const held =
        (inspected?.messages.ready.length ?? 0) + (inspected?.messages.inflight.length ?? 0);
      expect(held, queue.name).toBe(0);
    }
  });

  it('finished every execution', () => {
    const executions = stack.stepFunctions.executions();
    expect(executions.length).toBeGreaterThanOrEqual(7);
    expect(executions.filter((e) => e.status === 'RUNNING')).toEqual([]);
    expect(executions.filter((e) => e.status === 'FAILED' || e.status === 'TIMED_OUT')).toEqual([]);
  });

  it('keeps the round, every item approved, and two immutable versions of item 4 in DynamoDB', async () => {
    const dynamo = new DynamoDBClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.services.endpoints.dynamodb,
    });
    const query = async (pk: string) =>
      (
        await dynamo.send(
          new QueryCommand({
            TableName: stack.resources.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': { S: pk } },
          }),
        )
      ).Items ?? [];
    const round = await query(`ROUND#${result.agencyId}#${result.roundId}`);
    expect(round.map((item) => item.sk?.S)).toEqual([
      'ITEM#0001',
      'ITEM#0002',
      'ITEM#0003',
      'ITEM#0004',
      'ITEM#0005',
      'ITEM#0006',
      // The plan items, rows of their own beside the small header.
      'PLAN#0001',
      'PLAN#0002',
      'PLAN#0003',
      'PLAN#0004',
      'PLAN#0005',
      'PLAN#0006',
      'ROUND',
    ]);
    const partition = await query(`SUBMISSION#${result.agencyId}#${result.roundId}#4`);
    const versions = partition.filter((item) => item.sk?.S?.startsWith('V#'));
    expect(versions.map((item) => item.sk?.S)).toEqual(['V#000001', 'V#000002']);
    // Beside them, each version's converted document kept for the roll-up, and nothing else.
    const documents = partition.filter((item) => !item.sk?.S?.startsWith('V#'));
    expect(documents.map((item) => item.sk?.S).sort()).toEqual(
      versions.map((item) => `D#${item.source?.M?.uploadId?.S}`).sort(),
    );
  });

  it('printed its progress as it went', () => {
    expect(lines.some((l) => l.startsWith('[1/5]'))).toBe(true);
    expect(lines.some((l) => l.startsWith('[5/5]'))).toBe(true);
  });
});
