/**
 * Reminders kept for the daily digest: one row per agency × day × person ×
 * notice, so a redelivered reminder overwrites its own row and a day's
 * digest is one paged Query per agency.
 */

import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DigestEntry } from '../people/digest-entry.js';
import type { DigestStore } from '../workflow/ports.js';
import { digestKey, TTL_ATTRIBUTE, withoutKeys } from './table-keys.js';

const KEEP_SECONDS = 30 * 24 * 60 * 60;

export class DynamoDbDigestStore implements DigestStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(entry: DigestEntry): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...digestKey(entry.agencyId, entry.day, entry.sub, entry.noticeKey),
          ...entry,
          [TTL_ATTRIBUTE]: Math.floor(Date.parse(entry.notice.sentAt) / 1000) + KEEP_SECONDS,
        },
      }),
    );
  }

  async listDay(agencyId: string, day: string): Promise<DigestEntry[]> {
    const entries: DigestEntry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': digestKey(agencyId, day, '', '').pk },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const { [TTL_ATTRIBUTE]: _, ...rest } = withoutKeys<DigestEntry & Record<string, unknown>>(
          item,
        );
        entries.push(rest as DigestEntry);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return entries;
  }
}
