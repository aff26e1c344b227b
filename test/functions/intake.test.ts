import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateRound } from '../../shared/validation/validate-document.js';
import { type AwsMock, awsError, mockAws } from './aws-mock.js';
import { loadEvent, loadSeed } from './events.js';
import { lambdaContext, setHandlerEnvironment } from './lambda-context.js';

setHandlerEnvironment();
let intake: (
  event: SQSEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<SQSBatchResponse>;

beforeAll(async () => {
  intake = (await import('../../functions/intake/handler.js')).handler as never;
});

const KEY = 'incoming/opdc/2566-h1/1/division-placeholder-01/0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c';
const ETAG = '9b2cf535f27731c974343645a3985328';
const round = () => {
  const parsed = validateRound(JSON.parse(loadSeed('round.json')));
  if (!parsed.ok) throw new Error('seed round invalid');
  return parsed.value;
};
const upload = {
  agencyId: 'opdc',
  roundId: '2566-h1',
  itemNo: 1,
  division: 'division-placeholder-01',
  uploadId: '0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c',
  format: 'json',
  key: KEY,
  uploadedBy: '8b2e4d6f-1a3c-4e5b-9d7f-0c2a4b6d8e1f',
  uploadedByName: 'suda.planning',
  requestedAt: '2024-04-30T07:00:00.000Z',
  expiresAt: '2024-04-30T07:15:00.000Z',
  status: 'requested',
};

let aws: AwsMock;
/** The object the division uploaded: the seed's first plan item as a JSON submission. */
function stageObject(contentType: string, bytes = Buffer.from(loadSeed('items/1.json'))) {
  aws.on(GetCommand, (input) => {
    const pk = String((input.Key as { pk: string }).pk);
    if (pk.startsWith('UPLOAD#')) return { Item: { pk, sk: 'UPLOAD', ...upload } };
    if (pk.startsWith('ROUND#'))
      return { Item: { pk, sk: 'ROUND', agencyId: 'opdc', roundId: '2566-h1', round: round() } };
    return {};
  });
  aws.on(HeadObjectCommand, () => ({
    ContentLength: bytes.length,
    ContentType: contentType,
    ETag: `"${ETAG}"`,
  }));
  aws.on(GetObjectCommand, () => ({
    Body: { transformToByteArray: async () => new Uint8Array(bytes) },
  }));
}

beforeEach(() => {
  aws = mockAws()
    // Powertools idempotency records, written through the plain DynamoDB client.
    .on(PutItemCommand, () => ({}))
    .on(UpdateItemCommand, () => ({}))
    .on(DeleteItemCommand, () => ({}))
    .on(PutObjectCommand, () => ({}))
    .on(PutCommand, () => ({}))
    .on(UpdateCommand, () => ({}))
    .on(QueryCommand, () => ({ Items: [] }))
    .on(StartExecutionCommand, () => ({ executionArn: 'arn:x' }));
});
afterEach(() => aws.restore());

describe('Function: intake', () => {
  it('stores a valid upload as version 1 and starts its approval execution', async () => {
    // Prepare
    stageObject('application/json');

    // Act
    const result = await intake(
      loadEvent<SQSEvent>('sqs-intake-s3-object-created.json'),
      lambdaContext(),
    );

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    const version = aws.calls(PutCommand).find((p) => String(p.Item?.pk).startsWith('SUBMISSION#'));
    expect(version).toMatchObject({
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: {
        pk: 'SUBMISSION#opdc#2566-h1#1',
        sk: 'V#000001',
        version: 1,
        uploadedBy: upload.uploadedBy,
        source: { key: KEY, etag: ETAG, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
    });
    const [start] = aws.calls(StartExecutionCommand);
    expect(start).toMatchObject({ name: 'opdc-2566-h1-1-v1' });
    expect(JSON.parse(String(start?.input))).toEqual({
      submission: {
        agencyId: 'opdc',
        roundId: '2566-h1',
        itemNo: 1,
        division: 'division-placeholder-01',
        version: 1,
        uploadedBy: upload.uploadedBy,
      },
      approvalChain: ['division-director', 'anti-corruption-centre'],
    });
    const keys = aws.calls(PutObjectCommand).map((p) => p.Key);
    expect(keys).toEqual([
      'submissions/opdc/2566-h1/1/division-placeholder-01/0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c.json',
      'results/opdc/2566-h1/1/division-placeholder-01/0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c.json',
    ]);
  });

  it('treats an execution that already exists as started (a duplicate event)', async () => {
    stageObject('application/json');
    aws.on(StartExecutionCommand, () => {
      throw awsError('ExecutionAlreadyExists');
    });
    const result = await intake(
      loadEvent<SQSEvent>('sqs-intake-s3-object-created.json'),
      lambdaContext(),
    );
    expect(result).toEqual({ batchItemFailures: [] });
  });

  it('refuses an object whose type is not the one requested, and says why', async () => {
    stageObject('text/plain');
    const result = await intake(
      loadEvent<SQSEvent>('sqs-intake-s3-object-created.json'),
      lambdaContext(),
    );
    expect(result).toEqual({ batchItemFailures: [] });
    const settled = aws.calls(PutCommand).find((p) => String(p.Item?.pk).startsWith('UPLOAD#'));
    expect(settled?.Item).toMatchObject({
      status: 'rejected',
      problems: [expect.objectContaining({ code: 'upload.wrongType' })],
    });
    expect(aws.calls(StartExecutionCommand)).toEqual([]);
  });

  it('refuses a submission for another item than its key names', async () => {
    const other = JSON.parse(loadSeed('items/2.json'));
    stageObject('application/json', Buffer.from(JSON.stringify(other)));
    await intake(loadEvent<SQSEvent>('sqs-intake-s3-object-created.json'), lambdaContext());
    const settled = aws.calls(PutCommand).find((p) => String(p.Item?.pk).startsWith('UPLOAD#'));
    expect(settled?.Item?.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'upload.keyMismatch' })]),
    );
  });

  it('returns only the failed message to the queue when storage fails', async () => {
    stageObject('application/json');
    aws.on(HeadObjectCommand, () => {
      throw awsError('SlowDown');
    });
    const result = await intake(
      loadEvent<SQSEvent>('sqs-intake-s3-object-created.json'),
      lambdaContext(),
    );
    expect(result).toEqual({
      batchItemFailures: [{ itemIdentifier: '059f36b4-87a3-44ab-83d2-661975830a7d' }],
    });
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
    const result = await intake(event, lambdaContext());
    expect(result).toEqual({ batchItemFailures: [] });
    expect(aws.calls(GetCommand)).toEqual([]);
  });
});
