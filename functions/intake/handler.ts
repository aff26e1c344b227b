/**
 * Intake: S3 (incoming/) → SQS → here. Each object is converted, validated
 * and stored as its plan item's next version, and its approval execution is
 * started; or refused with every problem recorded for the division to read.
 *
 * Idempotent on (key, etag) through Powertools; the use case is itself safe
 * to repeat, so an expired idempotency record only costs a second look.
 * Failed records go back to the queue alone (ReportBatchItemFailures).
 */

import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { readDocx } from '../../shared/adapters/docx-reader.js';
import { documentClient, dynamoClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { sfnClient } from '../../shared/adapters/sfn-client.js';
import { SfnWorkflowClient } from '../../shared/adapters/sfn-workflow-client.js';
import { acceptUpload, type IncomingObject } from '../../shared/workflow/accept-upload.js';
import { now, readEnvironment } from '../common/environment.js';
import { lazy } from '../common/lazy.js';
import { createObservability, observed } from '../common/observability.js';
import { objectsIn } from '../common/s3-notification.js';
import { IDEMPOTENCY_PARTITION_KEY, manifest } from './manifest.js';

const env = readEnvironment(manifest);

const { logger, metrics } = createObservability();
const observability = { logger, metrics };
const processor = new BatchProcessor(EventType.SQS);

const ports = lazy(() => {
  const table = env.TABLE_NAME;
  return {
    rounds: new DynamoDbRoundRepository(documentClient(), table),
    submissions: new DynamoDbSubmissionRepository(documentClient(), table),
    objects: new S3BlobStore(s3Client()),
    workflow: new SfnWorkflowClient(sfnClient(), env.STATE_MACHINE_ARN),
    readDocx,
    bucket: env.INCOMING_BUCKET,
    now,
  };
});

const idempotency = new IdempotencyConfig({ expiresAfterSeconds: 7 * 24 * 60 * 60 });

/** What the idempotency record keeps: a summary, not the problems (items hold at most 400 KB). */
const acceptObject = makeIdempotent(
  async (object: IncomingObject) => {
    const outcome = await acceptUpload(ports(), object);
    return outcome.kind === 'rejected'
      ? { kind: outcome.kind, uploadId: outcome.uploadId, problemCount: outcome.problems.length }
      : outcome;
  },
  {
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: env.TABLE_NAME,
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      // A partition of our own, so the role may delete these records and no others.
      staticPkValue: IDEMPOTENCY_PARTITION_KEY,
      awsSdkV3Client: dynamoClient(),
    }),
    config: idempotency,
  },
);

/**
 * Time a record may need (a 10 MB Word file converted, stored and its
 * execution started, on a busy container). A record is not begun with less
 * left: it goes back to the queue on its own, rather than the timeout
 * failing the whole batch, the records already stored included.
 */
const RECORD_RESERVE_MS = 15_000;

class NoTimeLeftError extends Error {
  override readonly name = 'NoTimeLeftError';
}

async function intakeRecord(record: SQSRecord, context?: Context): Promise<void> {
  const left = context?.getRemainingTimeInMillis();
  if (left !== undefined && left < RECORD_RESERVE_MS) {
    throw new NoTimeLeftError(`${left} ms left: record ${record.messageId} goes back to the queue`);
  }
  const bucket = env.INCOMING_BUCKET;
  for (const object of objectsIn(record)) {
    if (object.bucket !== bucket) {
      logger.warn('object from an unexpected bucket', { bucket: object.bucket });
      continue;
    }
    const outcome = await acceptObject({ key: object.key, etag: object.etag });
    logger.info('intake', { key: object.key, outcome });
    metrics.addMetric(
      `Uploads${outcome.kind[0]?.toUpperCase()}${outcome.kind.slice(1)}`,
      'Count',
      1,
    );
  }
}

export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(observed<SQSEvent>(observability, (event) => event.Records[0]?.messageId))
  .handler(async (event, context) => {
    idempotency.registerLambdaContext(context);
    // All failed is reported like some failed: the same records go back, and the logs stay quiet.
    return processPartialResponse(event, intakeRecord, processor, {
      context,
      throwOnFullBatchFailure: false,
      // One record at a time: ten 10 MB Word files converted at once would not fit in 1 GB.
      processInParallel: false,
    });
  });
