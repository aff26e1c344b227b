/**
 * intake through middy on the embedded services: the upload record in
 * dynalite, the object in s3rver, the approval execution on the local Step
 * Functions endpoint (running a one-state machine: the chain itself is
 * tested in test/local). Each case uploads into an item of its own.
 */

import { randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import {
  type LocalStepFunctions,
  startLocalStepFunctions,
} from '../../local/step-functions/local-step-functions.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { validateRound } from '../../shared/validation/validate-document.js';
import type { UploadRecord } from '../../shared/workflow/upload-record.js';
import { loadEvent, loadSeed } from './events.js';
import { type HandlerServices, startHandlerServices } from './handler-services.js';
import { lambdaContext } from './lambda-context.js';

let intake: (
  event: SQSEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<SQSBatchResponse>;
let stack: HandlerServices;
let stepFunctions: LocalStepFunctions;
let sfn: SFNClient;

const round = () => {
  const parsed = validateRound(JSON.parse(loadSeed('round.json')));
  if (!parsed.ok) throw new Error('seed round invalid');
  return parsed.value;
};
const UPLOADER = '8b2e4d6f-1a3c-4e5b-9d7f-0c2a4b6d8e1f';

beforeAll(async () => {
  stack = await startHandlerServices();
  stepFunctions = await startLocalStepFunctions({
    definition: { StartAt: 'Chain', States: { Chain: { Type: 'Pass', End: true } } },
    stateMachineName: 'acm-report-test-approvals',
    region: LOCAL_REGION,
    accountId: '123456789012',
    invoke: async () => {
      throw new Error('the one-state machine invokes nothing');
    },
  });
  process.env.AWS_ENDPOINT_URL_SFN = stepFunctions.endpoint;
  process.env.STATE_MACHINE_ARN = stepFunctions.stateMachineArn;
  sfn = new SFNClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: stepFunctions.endpoint,
  });
  intake = (await import('../../functions/intake/handler.js')).handler as never;
  await stack.rounds.openRound({
    agencyId: 'opdc',
    roundId: '2566-h1',
    round: round(),
    openedBy: 'coordinator',
    openedAt: '2024-04-01T00:00:00.000Z',
  });
});
// Closing the emulators can take a while on a loaded machine.
afterAll(async () => {
  sfn?.destroy();
  await stepFunctions?.close();
  await stack?.close();
}, 60_000);

/**
 * A division's upload of item `itemNo`: the request recorded, the object in
 * the bucket, and the SQS message S3's notification would bring (the
 * recorded sample with this key and etag).
 */
async function upload(
  itemNo: number,
  contentType: string,
  bytes = new TextEncoder().encode(loadSeed(`items/${itemNo}.json`)),
) {
  const uploadId = randomUUID();
  const division = `division-placeholder-0${itemNo}`;
  const key = `incoming/opdc/2566-h1/${itemNo}/${division}/${uploadId}`;
  const record: UploadRecord = {
    agencyId: 'opdc',
    roundId: '2566-h1',
    itemNo,
    division,
    uploadId,
    format: 'json',
    key,
    uploadedBy: UPLOADER,
    uploadedByName: 'suda.planning',
    requestedAt: '2024-04-30T07:00:00.000Z',
    expiresAt: '2024-04-30T07:15:00.000Z',
    status: 'requested',
  };
  await stack.submissions.putUpload(record);
  const { ETag } = await stack.s3.send(
    new PutObjectCommand({
      Bucket: stack.incomingBucket,
      Key: key,
      Body: bytes,
      ContentType: contentType,
    }),
  );
  const event = loadEvent<SQSEvent>('sqs-intake-s3-object-created.json');
  const [message] = event.Records;
  if (!message) throw new Error('fixture has no record');
  const notification = JSON.parse(message.body);
  notification.Records[0].s3.object = {
    ...notification.Records[0].s3.object,
    key,
    size: bytes.length,
    eTag: String(ETag).replaceAll('"', ''),
  };
  message.body = JSON.stringify(notification);
  message.messageId = randomUUID();
  return { uploadId, key, event, messageId: message.messageId };
}

describe('Function: intake', () => {
  it('stores a valid upload as version 1 and starts its approval execution', async () => {
    // Prepare
    const { uploadId, key, event } = await upload(1, 'application/json');

    // Act
    const result = await intake(event, lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    const ref = { agencyId: 'opdc', roundId: '2566-h1', itemNo: 1, version: 1 };
    expect(await stack.submissions.getVersion(ref)).toMatchObject({
      version: 1,
      uploadedBy: UPLOADER,
      source: { key, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      documentKey: `submissions/opdc/2566-h1/1/division-placeholder-01/${uploadId}.json`,
    });
    expect(await stack.submissions.getUpload('opdc', uploadId)).toMatchObject({
      status: 'accepted',
      version: 1,
    });
    const execution = await sfn.send(
      new DescribeExecutionCommand({
        executionArn: `${stepFunctions.stateMachineArn.replace(':stateMachine:', ':execution:')}:opdc-2566-h1-1-v1`,
      }),
    );
    expect(JSON.parse(String(execution.input))).toEqual({
      submission: {
        agencyId: 'opdc',
        roundId: '2566-h1',
        itemNo: 1,
        division: 'division-placeholder-01',
        version: 1,
        uploadedBy: UPLOADER,
      },
      approvalChain: ['division-director', 'anti-corruption-centre'],
    });
    const result2 = await stack.objects.getJson(
      stack.incomingBucket,
      `results/opdc/2566-h1/1/division-placeholder-01/${uploadId}.json`,
    );
    expect(result2).toMatchObject({ uploadId, status: 'accepted', version: 1 });
  });

  it('treats an execution that already exists as started (a duplicate event)', async () => {
    const { uploadId, event } = await upload(3, 'application/json');
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: stepFunctions.stateMachineArn,
        name: 'opdc-2566-h1-3-v1',
        input: '{}',
      }),
    );
    const result = await intake(event, lambdaContext());
    expect(result).toEqual({ batchItemFailures: [] });
    expect((await stack.submissions.getUpload('opdc', uploadId))?.status).toBe('accepted');
  });

  it('refuses an object whose type is not the one requested, and says why', async () => {
    const { uploadId, event } = await upload(4, 'text/plain');
    const result = await intake(event, lambdaContext());
    expect(result).toEqual({ batchItemFailures: [] });
    expect(await stack.submissions.getUpload('opdc', uploadId)).toMatchObject({
      status: 'rejected',
      problems: [expect.objectContaining({ code: 'upload.wrongType' })],
    });
    expect(stepFunctions.executions().map((e) => e.name)).not.toContain('opdc-2566-h1-4-v1');
  });

  it('refuses a submission for another item than its key names', async () => {
    const other = new TextEncoder().encode(loadSeed('items/2.json'));
    const { uploadId, event } = await upload(5, 'application/json', other);
    await intake(event, lambdaContext());
    expect((await stack.submissions.getUpload('opdc', uploadId))?.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'upload.keyMismatch' })]),
    );
  });

  it('returns only the failed message to the queue when storage fails', async () => {
    const failing = await upload(6, 'application/json');
    const passing = await upload(2, 'application/json');
    const [failingRecord] = failing.event.Records;
    const [passingRecord] = passing.event.Records;
    if (!failingRecord || !passingRecord) throw new Error('fixture has no record');
    const stop = stack.faults.inject({
      name: 's3 down for one object',
      matches: (r) => r.service === 's3' && r.path.includes(failing.uploadId),
    });
    const result = await intake(
      { Records: [failingRecord, passingRecord] },
      lambdaContext(),
    ).finally(stop);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: failing.messageId }] });
    expect((await stack.submissions.getUpload('opdc', passing.uploadId))?.status).toBe('accepted');
    expect((await stack.submissions.getUpload('opdc', failing.uploadId))?.status).toBe('requested');
  });

  it('works a batch one record at a time (finding 4: ten large Word files at once would not fit)', async () => {
    // Prepare: two uploads in one batch; the uploads' reads counted while in flight.
    const batch = [await upload(4, 'application/json'), await upload(4, 'application/json')];
    const event = { Records: batch.flatMap((u) => u.event.Records) };
    let reading = 0;
    let most = 0;
    s3Client().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'GetObjectCommand') return next(args);
        reading += 1;
        most = Math.max(most, reading);
        try {
          return await next(args);
        } finally {
          reading -= 1;
        }
      },
      { step: 'initialize', name: 'countUploadReads' },
    );

    // Act
    const result = await intake(event, lambdaContext()).finally(() =>
      s3Client().middlewareStack.remove('countUploadReads'),
    );

    // Assess
    expect(result.batchItemFailures).toEqual([]);
    expect(most).toBe(1);
  });

  it('begins no record with too little time left: it goes back to the queue untouched', async () => {
    const late = await upload(5, 'application/json');
    const [record] = late.event.Records;
    if (!record) throw new Error('fixture has no record');
    const nearlyOut = { ...lambdaContext(), getRemainingTimeInMillis: () => 5_000 };
    const result = await intake({ Records: [record] }, nearlyOut);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: late.messageId }] });
    expect((await stack.submissions.getUpload('opdc', late.uploadId))?.status).toBe('requested');
    // With time enough, the same message is stored as usual.
    expect(await intake({ Records: [record] }, lambdaContext())).toEqual({ batchItemFailures: [] });
    expect((await stack.submissions.getUpload('opdc', late.uploadId))?.status).toBe('accepted');
  });

  it('ignores the test event S3 sends when the notification is set up', async () => {
    const event = loadEvent<SQSEvent>('sqs-intake-s3-object-created.json');
    const record = event.Records[0];
    if (!record) throw new Error('fixture has no record');
    record.body = JSON.stringify({
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Bucket: 'acm-report-test-incoming',
    });
    stack.dynamoRequests.clear();
    const result = await intake(event, lambdaContext());
    expect(result).toEqual({ batchItemFailures: [] });
    expect(stack.dynamoRequests.operations().filter((op) => op === 'GetItem')).toEqual([]);
  });
});
