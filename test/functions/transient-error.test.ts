import { describe, expect, it } from 'vitest';
import { isTransientServiceError } from '../../functions/common/transient-error.js';

const named = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name }, extra);

describe('Function: isTransientServiceError', () => {
  it.each([
    ['a 5xx the SDK marks as a server fault', named('Whatever', { $fault: 'server' })],
    ['a throttle the SDK marks retryable', named('Whatever', { $retryable: { throttling: true } })],
    ['DynamoDB throttling', named('ProvisionedThroughputExceededException')],
    ['S3 slowing down', named('SlowDown')],
    ['a refused connection', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })],
    ['an SDK timeout', named('TimeoutError')],
  ])('treats %s as transient', (_, error) => {
    expect(isTransientServiceError(error)).toBe(true);
  });

  it.each([
    ['a bad request the client made', named('ValidationException', { $fault: 'client' })],
    ['a failed condition', named('ConditionalCheckFailedException', { $fault: 'client' })],
    ['a bug', new TypeError('x is undefined')],
    ['a string', 'boom'],
    ['nothing', undefined],
  ])('treats %s as a fault, not a reason to retry', (_, error) => {
    expect(isTransientServiceError(error)).toBe(false);
  });
});
