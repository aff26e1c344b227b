/**
 * Intake: S3 `incoming/` → SQS `intake` (+ DLQ) → the intake function, which
 * reports partial batch failures so one bad upload does not hold back the
 * rest.
 */

import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type Bucket, EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { INCOMING_PREFIX } from '../../shared/workflow/upload-key.js';
import { AcmFunction } from './acm-function.js';
import { grantObjects, grantTable } from './grants.js';
import { QueueWithDlq } from './queue-with-dlq.js';

export const INTAKE_TIMEOUT = Duration.seconds(60);

export interface IntakeProps {
  stage: string;
  table: Table;
  incoming: Bucket;
  stateMachineArn: string;
}

export class Intake extends Construct {
  readonly queue: QueueWithDlq;
  readonly handler: AcmFunction;

  constructor(scope: Construct, id: string, props: IntakeProps) {
    super(scope, id);
    this.handler = new AcmFunction(this, 'Intake', {
      name: 'intake',
      stage: props.stage,
      description: 'Validates uploads, stores submission versions, starts approvals',
      // mammoth and the outline reader on a Word file of a few MB.
      memorySize: 1024,
      timeout: INTAKE_TIMEOUT,
      environment: {
        TABLE_NAME: props.table.tableName,
        INCOMING_BUCKET: props.incoming.bucketName,
        STATE_MACHINE_ARN: props.stateMachineArn,
      },
    });
    this.queue = new QueueWithDlq(this, 'Queue', {
      queueName: `acm-report-${props.stage}-intake`,
      consumerTimeout: INTAKE_TIMEOUT,
    });
    props.incoming.addEventNotification(
      EventType.OBJECT_CREATED,
      new SqsDestination(this.queue.queue),
      { prefix: INCOMING_PREFIX },
    );
    const fn = this.handler.function;
    fn.addEventSource(
      new SqsEventSource(this.queue.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
      }),
    );
    // Upload records, versions, item states, idempotency records (deleted when a record fails).
    grantTable(fn, props.table, ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query']);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [props.stateMachineArn],
      }),
    );
    grantObjects(fn, props.incoming, ['GetObject'], 'incoming/', 'intake reads every upload.');
    grantObjects(
      fn,
      props.incoming,
      ['PutObject'],
      'submissions/',
      'intake writes converted submissions.',
    );
    grantObjects(fn, props.incoming, ['PutObject'], 'results/', 'intake writes upload results.');
  }
}
