/**
 * The list of published reports, from which the public index is rebuilt:
 * one Query, never a listing of the bucket.
 */

import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PublishedEntry } from '../publish/published-entry.js';
import { PUBLISHED_PARTITION, publishedKey, withoutKeys } from './table-keys.js';

export class DynamoDbPublishedRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Records a publication; writing the same version again (a retry) overwrites it with the same facts. */
  async put(roundId: string, entry: PublishedEntry): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...publishedKey(entry.agencyId, roundId, entry.version), ...entry },
      }),
    );
  }

  async list(): Promise<PublishedEntry[]> {
    const entries: PublishedEntry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': PUBLISHED_PARTITION },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) entries.push(withoutKeys<PublishedEntry>(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return entries;
  }
}
