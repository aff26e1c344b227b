/**
 * Reminder runs in the single table: one row per round and Bangkok day
 * holding a string set of the reminder keys sent (short digests: 5,000 of
 * them stay far below the 400 KB item limit) and a lease. Taking the lease
 * is one conditional update that also answers the set, so a run costs one
 * write to begin, one per recorded wave and one to end, whatever its size.
 */

import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReminderLog } from '../workflow/ports.js';
import { succeeds } from './conditional-write.js';
import { reminderRunKey, TTL_ATTRIBUTE } from './table-keys.js';

type Run = { agencyId: string; roundId: string; day: string };
/** A day's run is of no use after a week; the table's TTL removes it. */
const KEEP_SECONDS = 7 * 24 * 60 * 60;

export class DynamoDbReminderLog implements ReminderLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async begin(run: Run, now: Date, leaseMs: number): Promise<ReadonlySet<string> | undefined> {
    let sent: ReadonlySet<string> = new Set();
    const taken = await succeeds(async () => {
      const out = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: reminderRunKey(run.agencyId, run.roundId, run.day),
          UpdateExpression: 'SET leaseUntil = :until, #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(leaseUntil) OR leaseUntil < :now',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':until': now.getTime() + leaseMs,
            ':now': now.getTime(),
            ':ttl': Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const keys = out.Attributes?.sent;
      if (keys instanceof Set) sent = keys as Set<string>;
    });
    return taken ? sent : undefined;
  }

  async record(run: Run, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: reminderRunKey(run.agencyId, run.roundId, run.day),
        UpdateExpression: 'ADD sent :keys',
        ExpressionAttributeValues: { ':keys': new Set(keys) },
      }),
    );
  }

  async end(run: Run): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: reminderRunKey(run.agencyId, run.roundId, run.day),
        UpdateExpression: 'REMOVE leaseUntil',
      }),
    );
  }
}
