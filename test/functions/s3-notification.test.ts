import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { notifiedKey, objectsIn } from '../../functions/common/s3-notification.js';

const record = (body: unknown) => ({ body: JSON.stringify(body) }) as SQSRecord;
const created = (key: string) => ({
  eventName: 'ObjectCreated:Post',
  s3: { bucket: { name: 'incoming' }, object: { key, eTag: 'abc', size: 10 } },
});

describe('Function: notifiedKey', () => {
  it.each([
    [
      'incoming/opdc/2566-h1/1/division-placeholder-01/u.json',
      'incoming/opdc/2566-h1/1/division-placeholder-01/u.json',
    ],
    ['a+b.json', 'a b.json'],
    ['%E0%B8%81.txt', 'ก.txt'],
    ['a%2Bb', 'a+b'],
    ['..%2F..%2Fetc', '../../etc'],
    ['100%', '100%'],
  ])('reads %s as %s', (encoded, key) => {
    expect(notifiedKey(encoded)).toBe(key);
  });
});

describe('Function: objectsIn', () => {
  it('names each created object with its decoded key, etag and size', () => {
    expect(objectsIn(record({ Records: [created('a+b.json')] }))).toEqual([
      { bucket: 'incoming', key: 'a b.json', etag: 'abc', size: 10 },
    ]);
  });

  it('ignores the test event S3 sends when notifications are set up, and other events', () => {
    expect(objectsIn(record({ Event: 's3:TestEvent' }))).toEqual([]);
    expect(
      objectsIn(record({ Records: [{ ...created('x'), eventName: 'ObjectRemoved:Delete' }] })),
    ).toEqual([]);
  });
});
