/**
 * The embedded services behind the handler tests: dynalite with the single
 * table, s3rver with both buckets and fauxqs with the approvals queue, all on
 * 127.0.0.1. The handlers' own SDK clients reach them through the standard
 * AWS_ENDPOINT_URL_<SERVICE> variables (set before a handler is imported),
 * so these tests exercise event → use case → response over real protocols.
 * The repositories returned here are the same adapters, for preparing state
 * and reading back what a handler wrote.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { BatchWriteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  type EmbeddedServices,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startEmbeddedServices,
} from '../../local/embedded-services.js';
import {
  createFaultInjector,
  type FaultInjector,
  startFaultProxy,
} from '../../local/fault-proxy.js';
import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { dynamoClient as handlerDynamo } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { s3Client as handlerS3 } from '../../shared/adapters/s3-client.js';
import { sqsClient as handlerSqs } from '../../shared/adapters/sqs-client.js';
import { createSingleTable } from '../repositories/dynalite-table.js';
import { setHandlerEnvironment } from './lambda-context.js';

export interface HandlerServices {
  services: EmbeddedServices;
  /** A document client on the table itself (not through the fault proxy), to look at raw rows. */
  documents: DynamoDBDocumentClient;
  tableName: string;
  rounds: DynamoDbRoundRepository;
  submissions: DynamoDbSubmissionRepository;
  approvals: DynamoDbApprovalRepository;
  objects: S3BlobStore;
  /** An S3 client on the emulator itself (not through the fault proxy). */
  s3: S3Client;
  incomingBucket: string;
  publishedBucket: string;
  /** Fails chosen DynamoDB, S3 and SQS requests of the handlers (not of the clients here) as the service would. */
  faults: FaultInjector;
  /** DynamoDB operations the handlers sent, oldest first (e.g. "GetItem"); `clear` empties it. */
  dynamoRequests: { operations(): string[]; clear(): void };
  /** Notices the handlers sent to the approvals queue, taken off it. */
  receiveNotices(): Promise<unknown[]>;
  /** Empties the table and both buckets, for a file whose cases share one round. */
  wipe(): Promise<void>;
  close(): Promise<void>;
}

export async function startHandlerServices(): Promise<HandlerServices> {
  setHandlerEnvironment();
  const env = process.env as Record<string, string>;
  const incomingBucket = env.INCOMING_BUCKET as string;
  const publishedBucket = env.PUBLISHED_BUCKET as string;
  const tableName = env.TABLE_NAME as string;
  const services = await startEmbeddedServices({ buckets: [incomingBucket, publishedBucket] });
  await createSingleTable(services.endpoints.dynamodb, tableName);
  const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const sqs = new SQSClient({ ...common, endpoint: services.endpoints.sqs });
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: 'acm-report-test-approvals' }),
  );
  // The handlers reach DynamoDB through a fault proxy, so a test can make the table unavailable.
  const injector = createFaultInjector();
  const seen: string[] = [];
  const proxy = await startFaultProxy('dynamodb', services.endpoints.dynamodb, (request) => {
    seen.push(request.operation ?? '?');
    return injector.decide(request);
  });
  const s3Proxy = await startFaultProxy('s3', services.endpoints.s3, injector.decide);
  const sqsProxy = await startFaultProxy('sqs', services.endpoints.sqs, injector.decide);
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: proxy.url,
    AWS_ENDPOINT_URL_S3: s3Proxy.url,
    ACM_S3_FORCE_PATH_STYLE: 'true',
    // s3rver would otherwise store the SDK's aws-chunked framing in objects.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    // An endpoint set this way wins over the queue URL's own host (the SDK's queueUrlMiddleware).
    AWS_ENDPOINT_URL_SQS: sqsProxy.url,
    APPROVALS_QUEUE_URL: String(QueueUrl),
  });
  const dynamo = new DynamoDBClient({ ...common, endpoint: services.endpoints.dynamodb });
  const documents = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const s3 = new S3Client({ ...common, endpoint: services.endpoints.s3, forcePathStyle: true });
  return {
    services,
    documents,
    tableName,
    rounds: new DynamoDbRoundRepository(documents, tableName),
    submissions: new DynamoDbSubmissionRepository(documents, tableName),
    approvals: new DynamoDbApprovalRepository(documents, tableName),
    objects: new S3BlobStore(s3),
    s3,
    incomingBucket,
    publishedBucket,
    faults: injector,
    dynamoRequests: {
      operations: () => [...seen],
      clear: () => {
        seen.length = 0;
      },
    },
    async receiveNotices() {
      const { Messages } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: String(QueueUrl),
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
        }),
      );
      if (Messages && Messages.length > 0) {
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: String(QueueUrl),
            Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
          }),
        );
      }
      return (Messages ?? []).map((m) => JSON.parse(String(m.Body)));
    },
    async wipe() {
      const { Items = [] } = await documents.send(new ScanCommand({ TableName: tableName }));
      for (let i = 0; i < Items.length; i += 25) {
        await documents.send(
          new BatchWriteCommand({
            RequestItems: {
              [tableName]: Items.slice(i, i + 25).map((item) => ({
                DeleteRequest: { Key: { pk: item.pk, sk: item.sk } },
              })),
            },
          }),
        );
      }
      for (const Bucket of [incomingBucket, publishedBucket]) {
        const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket }));
        if (Contents.length === 0) continue;
        await s3.send(
          new DeleteObjectsCommand({
            Bucket,
            Delete: { Objects: Contents.map((object) => ({ Key: object.Key })) },
          }),
        );
      }
    },
    async close() {
      // The handlers' own clients keep idle sockets open, and the emulators wait
      // for idle sockets before they close: drop them first.
      handlerDynamo().destroy();
      handlerS3().destroy();
      handlerSqs().destroy();
      sqs.destroy();
      dynamo.destroy();
      s3.destroy();
      await proxy.close();
      await s3Proxy.close();
      await sqsProxy.close();
      await services.close();
    },
  };
}
