/**
 * Duplicates and disorder on the embedded stack: S3 notifications are
 * at-least-once and unordered, SQS delivers at least once, people press
 * "approve" twice. Each case checks the stored result (versions, current
 * pointer, executions, approval requests), not just the answer.
 */

import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChaosContext,
  chaosContext,
  type PostedUpload,
  postUploads,
  requestUploads,
  waitUntil,
} from '../../local/chaos/chaos-context.js';
import {
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  type LocalS3EventRecord,
} from '../../local/embedded-services.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import { readSeedPlan, syntheticRound } from '../../local/synthetic-round.js';
import { ApiError } from '../../shared/adapters/acm-api-client.js';
import { submissionPartition } from '../../shared/adapters/table-keys.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import type { Notice } from '../../shared/workflow/approval-notice.js';

let stack: LocalStack;
let ctx: ChaosContext;
let round: Round;
let roundId: string;
const notices: Notice[] = [];
const created: LocalS3EventRecord[] = [];

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const seed = await readSeedPlan();
  stack = await startLocalStack({
    agencyId: seed.round.agency.id,
    divisions: seed.round.items.map((item) => item.division),
    // Real durations: no approval is reminded or expires while the tests run.
    timeScale: 1,
    onNotice: (notice) => notices.push(notice),
  });
  stack.services.s3Events.on('object-created', (record: LocalS3EventRecord) =>
    created.push(record),
  );
  ctx = chaosContext(stack, seed, () => {});
  round = syntheticRound(seed, 12, { period: 'FY' });
  roundId = (await ctx.clientOf('coordinator').openRound(ctx.agencyId, round)).roundId;
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

const upload = async (itemNo: number) =>
  (await postUploads(ctx, round, await requestUploads(ctx, roundId, [itemNo])))[0] as PostedUpload;

/** The S3 event of an upload's object (s3rver may announce it just after answering the POST). */
async function eventOf(upload: PostedUpload): Promise<LocalS3EventRecord> {
  const find = () => created.find((r) => r.s3.object.key.endsWith(`/${upload.uploadId}.json`));
  await waitUntil(`S3 announces ${upload.uploadId}`, () => find() !== undefined, 10_000);
  return find() as LocalS3EventRecord;
}

/** S3 announcing the object again, as at-least-once delivery may. */
const announceAgain = (record: LocalS3EventRecord) =>
  stack.services.s3Events.emit('object-created', record);

async function versionsOf(itemNo: number): Promise<Array<{ sk: string; sha256: string }>> {
  const dynamo = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: stack.services.endpoints.dynamodb,
  });
  const { Items = [] } = await dynamo.send(
    new QueryCommand({
      TableName: stack.resources.tableName,
      // The versions, not the converted documents kept beside them (D#…).
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: {
        ':pk': { S: submissionPartition(ctx.agencyId, roundId, itemNo) },
        ':v': { S: 'V#' },
      },
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => ({
    sk: String(item.sk?.S),
    sha256: String(item.source?.M?.sha256?.S),
  }));
}

const executionsOf = (itemNo: number) =>
  stack.stepFunctions
    .executions()
    .filter((e) => e.name.startsWith(`${ctx.agencyId}-${roundId}-${itemNo}-v`));

const requestsFor = (itemNo: number, role = 'division-director') =>
  notices.filter(
    (n) =>
      n.kind === 'approval-requested' &&
      n.roundId === roundId &&
      n.itemNo === itemNo &&
      n.role === role,
  );

async function currentVersionOf(itemNo: number): Promise<number | undefined> {
  const status = (await ctx.clientOf('coordinator').roundStatus(ctx.agencyId, roundId)) as {
    items: Array<{ no: number; version?: number }>;
  };
  return status.items.find((item) => item.no === itemNo)?.version;
}

describe('Duplicate and out-of-order S3 events', () => {
  it('changes nothing when S3 announces the same object twice more', async () => {
    const first = await upload(1);
    await stack.settle();
    announceAgain(await eventOf(first));
    announceAgain(await eventOf(first));
    await stack.settle();
    expect((await versionsOf(1)).map((v) => v.sk)).toEqual(['V#000001']);
    expect(executionsOf(1)).toHaveLength(1);
    expect(requestsFor(1)).toHaveLength(1);
    const record = await ctx.submissions.getUpload(ctx.agencyId, first.uploadId);
    expect(record).toMatchObject({ status: 'accepted', version: 1 });
  });

  it('keeps the newer version current when an older upload’s event arrives late', async () => {
    const older = await upload(2);
    await stack.settle();
    const newer = await upload(2);
    await stack.settle();
    // The older upload's event, delivered again after the newer one was taken in.
    announceAgain(await eventOf(older));
    await stack.settle();
    expect((await versionsOf(2)).map((v) => v.sk)).toEqual(['V#000001', 'V#000002']);
    expect(await currentVersionOf(2)).toBe(2);
    expect(await ctx.submissions.getUpload(ctx.agencyId, older.uploadId)).toMatchObject({
      version: 1,
    });
    expect(await ctx.submissions.getUpload(ctx.agencyId, newer.uploadId)).toMatchObject({
      version: 2,
    });
    expect(
      executionsOf(2)
        .map((e) => e.name)
        .sort(),
    ).toEqual([`${ctx.agencyId}-${roundId}-2-v1`, `${ctx.agencyId}-${roundId}-2-v2`]);
  });
});

describe('Duplicate SQS deliveries', () => {
  it('stores once when the same message is handled three times at once', async () => {
    const posted = await upload(3);
    const record = await eventOf(posted);
    const intake = stack.functions.all.find((fn) => fn.folder === 'intake');
    if (!intake) throw new Error('no intake function');
    const queue = [...stack.resources.queues.values()].find((q) => q.name.endsWith('-intake'));
    const message: SQSEvent = {
      Records: [
        {
          messageId: 'redelivered-message',
          receiptHandle: 'redelivered',
          body: JSON.stringify({
            Records: [
              {
                eventVersion: '2.1',
                eventSource: 'aws:s3',
                awsRegion: 'ap-southeast-1',
                eventTime: new Date().toISOString(),
                eventName: record.eventName,
                s3: {
                  s3SchemaVersion: '1.0',
                  bucket: {
                    name: record.s3.bucket.name,
                    arn: `arn:aws:s3:::${record.s3.bucket.name}`,
                  },
                  object: {
                    key: record.s3.object.key,
                    size: record.s3.object.size,
                    eTag: record.s3.object.eTag,
                  },
                },
              },
            ],
          }),
          attributes: {
            ApproximateReceiveCount: '2',
            SentTimestamp: String(Date.now()),
            SenderId: 'test',
            ApproximateFirstReceiveTimestamp: String(Date.now()),
          },
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: queue?.arn ?? '',
          awsRegion: 'ap-southeast-1',
        },
      ],
    };
    // Alongside the regular delivery from the queue, the same message three times at once.
    const answers = (await Promise.all(
      [1, 2, 3].map(() => stack.functions.invoke(intake.arn, message)),
    )) as Array<{ batchItemFailures: Array<{ itemIdentifier: string }> }>;
    await stack.settle();
    // A delivery that met another one still in progress is handed back to SQS, never half-done.
    for (const answer of answers) expect(answer.batchItemFailures.length).toBeLessThanOrEqual(1);
    expect((await versionsOf(3)).map((v) => v.sk)).toEqual(['V#000001']);
    expect(executionsOf(3)).toHaveLength(1);
    expect(requestsFor(3)).toHaveLength(1);
  });
});

describe('Two versions uploaded at the same moment', () => {
  it('stores both, numbered 1 and 2, neither overwriting the other', async () => {
    const requested = await requestUploads(ctx, roundId, [4, 4]);
    const posted = await postUploads(ctx, round, requested);
    await stack.settle();
    const versions = await versionsOf(4);
    expect(versions.map((v) => v.sk)).toEqual(['V#000001', 'V#000002']);
    const records = await Promise.all(
      posted.map((p) => ctx.submissions.getUpload(ctx.agencyId, p.uploadId)),
    );
    expect(records.map((r) => r?.version).sort()).toEqual([1, 2]);
    expect(await currentVersionOf(4)).toBe(2);
    expect(executionsOf(4)).toHaveLength(2);
    expect(executionsOf(4).every((e) => e.status === 'RUNNING')).toBe(true);
  });
});

describe('A decision sent twice', () => {
  it('records one decision and moves the chain on once; a different second answer is a clear 409', async () => {
    const director = ctx.clientOf('director-1');
    const { approvals } = await director.listApprovals(ctx.agencyId);
    const approval = approvals.find(
      (a) => a.subject.kind === 'item' && a.subject.itemNo === 1 && a.role === 'division-director',
    );
    if (!approval) throw new Error('item 1 waits on no director');
    // The same click twice at once: both answered with the same decision.
    const [first, second] = await Promise.all([
      director.decide(approval.approvalId, 'approve'),
      director.decide(approval.approvalId, 'approve'),
    ]);
    expect(first.approval.status).toBe('approved');
    expect(second.approval.status).toBe('approved');
    // Changing one's mind afterwards is refused, in Thai and English.
    const refused = await director
      .decide(approval.approvalId, 'return', 'ขอแก้ไข')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(409);
    const [problem] = (refused as ApiError).problems;
    expect(problem?.code).toBe('approval.alreadyDecided');
    expect(problem?.message.th).toBeTruthy();
    expect(problem?.message.en).toBeTruthy();
    await stack.settle();
    expect(requestsFor(1, 'anti-corruption-centre')).toHaveLength(1);
    const after = await ctx.clientOf('acc-officer').listApprovals(ctx.agencyId);
    expect(
      after.approvals.filter((a) => a.subject.kind === 'item' && a.subject.itemNo === 1),
    ).toHaveLength(1);
  });
});
