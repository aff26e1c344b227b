/**
 * The embedded services speak the real AWS protocols on 127.0.0.1: the SDK
 * v3 clients of the deployment create, write and read through them.
 */

import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmbeddedServices,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  type LocalS3EventRecord,
  startEmbeddedServices,
} from '../../local/embedded-services.js';

let services: EmbeddedServices;
const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };

beforeAll(async () => {
  services = await startEmbeddedServices({ buckets: ['incoming'] });
});
afterAll(async () => {
  await services?.close();
});

describe('Embedded AWS services', () => {
  it('listen on 127.0.0.1 only', () => {
    for (const endpoint of Object.values(services.endpoints)) {
      expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
  });

  it('DynamoDB: a table is created and an item written with a condition and read back', async () => {
    const client = new DynamoDBClient({ ...common, endpoint: services.endpoints.dynamodb });
    await client.send(
      new CreateTableCommand({
        TableName: 'acm-test',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    const put = new PutItemCommand({
      TableName: 'acm-test',
      Item: { pk: { S: 'a' }, v: { S: 'ไทย' } },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    await client.send(put);
    await expect(client.send(put)).rejects.toThrow(/conditional/i);
    const got = await client.send(
      new GetItemCommand({ TableName: 'acm-test', Key: { pk: { S: 'a' } } }),
    );
    expect(got.Item?.v?.S).toBe('ไทย');
  });

  it('S3: an object is stored byte for byte and its creation is announced', async () => {
    const client = new S3Client({
      ...common,
      endpoint: services.endpoints.s3,
      forcePathStyle: true,
      // Otherwise the SDK frames uploads as aws-chunked, which s3rver stores verbatim.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const announced = new Promise<LocalS3EventRecord>((resolve) =>
      services.s3Events.once('object-created', resolve),
    );
    await client.send(
      new PutObjectCommand({ Bucket: 'incoming', Key: 'a/b.json', Body: '{"ไทย":1}' }),
    );
    const record = await announced;
    expect(record.s3.object.key).toBe('a/b.json');
    const object = await client.send(new GetObjectCommand({ Bucket: 'incoming', Key: 'a/b.json' }));
    expect(await object.Body?.transformToString()).toBe('{"ไทย":1}');
  });

  it('SQS: a message sent is received', async () => {
    const client = new SQSClient({
      ...common,
      endpoint: services.endpoints.sqs,
      useQueueUrlAsEndpoint: false,
    });
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: 'q' }));
    await client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'สวัสดี' }));
    const received = await client.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    expect(received.Messages?.map((m) => m.Body)).toEqual(['สวัสดี']);
  });
});
