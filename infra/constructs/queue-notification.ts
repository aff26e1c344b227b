/**
 * S3 event notifications to an SQS queue, like aws-s3-notifications'
 * SqsDestination, but the queue policy also names the account
 * (aws:SourceAccount): a bucket ARN carries no account, so a bucket of the
 * same name re-created in another account after ours was deleted could
 * otherwise still send to the queue. The queue is SQS-managed encrypted,
 * so S3 needs no KMS grant.
 */

import { Stack } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  type BucketNotificationDestinationConfig,
  BucketNotificationDestinationType,
  type IBucket,
  type IBucketNotificationDestination,
} from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export class QueueFromOwnBucket implements IBucketNotificationDestination {
  constructor(private readonly queue: IQueue) {}

  bind(scope: Construct, bucket: IBucket): BucketNotificationDestinationConfig {
    if (this.queue.encryptionMasterKey) {
      throw new Error('QueueFromOwnBucket expects an SQS-managed encrypted queue (no KMS key)');
    }
    this.queue.grantSendMessages(
      new ServicePrincipal('s3.amazonaws.com', {
        conditions: {
          ArnLike: { 'aws:SourceArn': bucket.bucketArn },
          StringEquals: { 'aws:SourceAccount': Stack.of(scope).account },
        },
      }),
    );
    return {
      arn: this.queue.queueArn,
      type: BucketNotificationDestinationType.QUEUE,
      dependencies: [this.queue],
    };
  }
}
