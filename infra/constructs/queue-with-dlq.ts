/**
 * An SQS queue with its dead-letter queue, encrypted, TLS-only, and a
 * visibility timeout six times its consumer's timeout: AWS's guidance for
 * Lambda event sources, so a batch still being retried is not handed to a
 * second consumer.
 */

import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export const VISIBILITY_PER_CONSUMER_TIMEOUT = 6;
/** Receives before a message is parked in the DLQ. */
export const MAX_RECEIVE_COUNT = 5;

export interface QueueWithDlqProps {
  queueName: string;
  consumerTimeout: Duration;
}

export class QueueWithDlq extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: QueueWithDlqProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      queueName: `${props.queueName}-dlq`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      queueName: props.queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(
        props.consumerTimeout.toSeconds() * VISIBILITY_PER_CONSUMER_TIMEOUT,
      ),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
  }
}
