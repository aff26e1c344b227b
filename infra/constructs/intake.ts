/**
 * Intake: S3 `incoming/` → SQS `intake` (+ DLQ) → the intake function, which
 * reports partial batch failures so one bad upload does not hold back the
 * rest. The function's role, environment and event source come from its
 * manifest.
 */

import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { type Bucket, EventType } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { ManifestCatalog } from '../../functions/manifests.js';
import { INCOMING_PREFIX } from '../../shared/workflow/object-prefixes.js';
import { AcmFunction, manifestNamed } from './acm-function.js';
import { QueueFromOwnBucket } from './queue-notification.js';
import { QueueWithDlq } from './queue-with-dlq.js';

export interface IntakeProps {
  stage: string;
  manifests: ManifestCatalog;
  table: Table;
  incoming: Bucket;
  stateMachineArn: string;
}

export class Intake extends Construct {
  readonly queue: QueueWithDlq;
  readonly handler: AcmFunction;

  constructor(scope: Construct, id: string, props: IntakeProps) {
    super(scope, id);
    const manifest = manifestNamed(props.manifests, 'intake');
    this.queue = new QueueWithDlq(this, 'Queue', {
      queueName: `acm-report-${props.stage}-intake`,
      consumerTimeout: Duration.seconds(manifest.timeoutSeconds),
    });
    props.incoming.addEventNotification(
      EventType.OBJECT_CREATED,
      new QueueFromOwnBucket(this.queue.queue),
      { prefix: INCOMING_PREFIX },
    );
    this.handler = new AcmFunction(this, 'Intake', {
      manifest,
      stage: props.stage,
      resources: {
        table: props.table,
        incomingBucket: props.incoming,
        intakeQueue: this.queue.queue,
        stateMachineArn: props.stateMachineArn,
      },
    });
  }
}
