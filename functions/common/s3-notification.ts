/**
 * The objects an SQS message from an S3 bucket notification names. S3 sends
 * one s3:TestEvent when the notification is set up; it names no object.
 */

import type { S3Event, SQSRecord } from 'aws-lambda';

export interface NotifiedObject {
  bucket: string;
  key: string;
  etag: string;
  size: number;
}

export function objectsIn(record: SQSRecord): NotifiedObject[] {
  const body = JSON.parse(record.body) as Partial<S3Event> & { Event?: string };
  if (body.Event === 's3:TestEvent' || !Array.isArray(body.Records)) return [];
  return body.Records.filter((r) => r.eventName?.startsWith('ObjectCreated:')).map((r) => ({
    bucket: r.s3.bucket.name,
    key: r.s3.object.key,
    etag: r.s3.object.eTag ?? '',
    size: r.s3.object.size ?? 0,
  }));
}
