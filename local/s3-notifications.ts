/**
 * S3 bucket notifications to SQS, locally: every object created in a bucket
 * whose notification configuration names a queue (prefix filter honoured)
 * is announced on that queue as S3 would announce it.
 */

import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  type EmbeddedServices,
  LOCAL_CREDENTIALS,
  type LocalS3EventRecord,
} from './embedded-services.js';
import type { LocalResources } from './local-resources.js';
import { type CfnTemplate, resourcesOfType } from './local-template.js';

interface Route {
  bucket: string;
  prefix: string;
  queueUrl: string;
}

/** S3 URL-encodes keys in notifications (a space becomes "+"). */
function notificationKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

export function wireS3Notifications(
  template: CfnTemplate,
  resources: LocalResources,
  services: EmbeddedServices,
  region: string,
): { pending(): number } {
  const routes: Route[] = [];
  for (const [, resource] of resourcesOfType(template, 'Custom::S3BucketNotifications')) {
    const p = resource.Properties ?? {};
    const bucketId = (p.BucketName as { Ref?: string }).Ref ?? '';
    const bucket = resources.buckets.get(bucketId);
    const configuration = p.NotificationConfiguration as {
      QueueConfigurations?: Array<{
        QueueArn: { 'Fn::GetAtt': [string, string] };
        Filter?: { Key?: { FilterRules?: Array<{ Name: string; Value: string }> } };
      }>;
    };
    for (const q of configuration.QueueConfigurations ?? []) {
      const queue = resources.queues.get(q.QueueArn['Fn::GetAtt'][0]);
      const prefix =
        q.Filter?.Key?.FilterRules?.find((r) => r.Name.toLowerCase() === 'prefix')?.Value ?? '';
      if (bucket && queue) routes.push({ bucket, prefix, queueUrl: queue.url });
    }
  }
  const sqs = new SQSClient({
    region,
    credentials: LOCAL_CREDENTIALS,
    endpoint: services.endpoints.sqs,
  });
  let pending = 0;
  services.s3Events.on('object-created', (record: LocalS3EventRecord) => {
    // s3rver reports the key as stored (not URL-encoded).
    const key = record.s3.object.key;
    for (const route of routes) {
      if (route.bucket !== record.s3.bucket.name || !key.startsWith(route.prefix)) continue;
      const body = {
        Records: [
          {
            eventVersion: '2.1',
            eventSource: 'aws:s3',
            awsRegion: region,
            eventTime: new Date().toISOString(),
            eventName: record.eventName,
            s3: {
              s3SchemaVersion: '1.0',
              bucket: { name: route.bucket, arn: `arn:aws:s3:::${route.bucket}` },
              object: {
                key: notificationKey(key),
                size: record.s3.object.size,
                eTag: record.s3.object.eTag,
                sequencer: Date.now().toString(16).toUpperCase(),
              },
            },
          },
        ],
      };
      pending++;
      sqs
        .send(
          new SendMessageCommand({ QueueUrl: route.queueUrl, MessageBody: JSON.stringify(body) }),
        )
        .finally(() => pending--);
    }
  });
  return { pending: () => pending };
}
