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

/**
 * S3 URL-encodes keys in notifications, with "+" for a space. Upload keys
 * are ours and plain, but a key must be read back exactly as stored, or a
 * lookup by key finds nothing. A malformed escape is left as it came.
 */
export function notifiedKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, '%20'));
  } catch {
    return encoded;
  }
}

export function objectsIn(record: SQSRecord): NotifiedObject[] {
  const body = JSON.parse(record.body) as Partial<S3Event> & { Event?: string };
  if (body.Event === 's3:TestEvent' || !Array.isArray(body.Records)) return [];
  return body.Records.filter((r) => r.eventName?.startsWith('ObjectCreated:')).map((r) => ({
    bucket: r.s3.bucket.name,
    key: notifiedKey(r.s3.object.key),
    etag: r.s3.object.eTag ?? '',
    size: r.s3.object.size ?? 0,
  }));
}
