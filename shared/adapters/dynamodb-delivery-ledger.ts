/**
 * The mail ledger in the single table: a conditional write claims a
 * delivery before it is sent, so a redelivered notice mails nobody twice.
 * A claim that never became "sent" (the function died in between) is taken
 * again after STALE_AFTER_MS, longer than the notifier's visibility timeout.
 */

import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DeliveryLedger } from '../workflow/ports.js';
import { succeeds } from './conditional-write.js';
import { deliveryKey, TTL_ATTRIBUTE } from './table-keys.js';

export const STALE_AFTER_MS = 10 * 60 * 1000;
/** Kept long enough to outlive any redelivery (SQS keeps a message 4 days). */
const KEEP_SECONDS = 30 * 24 * 60 * 60;

export class DynamoDbDeliveryLedger implements DeliveryLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  claim(key: string, now: Date): Promise<boolean> {
    return succeeds(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...deliveryKey(key),
            state: 'sending',
            claimedAt: now.getTime(),
            [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
          },
          ConditionExpression:
            'attribute_not_exists(pk) OR (#state = :sending AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':stale': now.getTime() - STALE_AFTER_MS,
          },
        }),
      ),
    );
  }

  async markSent(key: string, now: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: deliveryKey(key),
        UpdateExpression: 'SET #state = :sent, sentAt = :at',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': now.toISOString() },
      }),
    );
  }

  async release(key: string): Promise<void> {
    await this.client.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: deliveryKey(key),
        ConditionExpression: '#state = :sending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sending': 'sending' },
      }),
    );
  }
}
