/**
 * A one-off, idempotent repair of the rounds already in a table, for a
 * deployment that opened rounds before (a) the agency's list of rounds
 * existed, or (b) plan items were rows of their own. It is the only Scan in
 * the code and runs from the command line, never on a request path: every
 * round header gets its list line, and a header still holding its plan
 * items inline has them written as rows and is slimmed to a header.
 * Running it twice changes nothing the second time.
 */

import { type DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Round } from '../schemas/round-schema.js';
import { headerOf, listingOf, type RoundHeader } from '../workflow/round-header.js';
import type { RoundRecord } from '../workflow/round-record.js';
import { batchPutAll } from './dynamodb-batch.js';
import { planDigest } from './dynamodb-round-repository.js';
import { planItemKey, ROUND_HEADER_SK, roundKey, roundListKey, withoutKeys } from './table-keys.js';

export interface BackfillReport {
  rounds: number;
  listed: number;
  migrated: number;
}

export async function backfillRounds(
  client: DynamoDBDocumentClient,
  tableName: string,
  progress: (line: string) => void = () => undefined,
): Promise<BackfillReport> {
  const report: BackfillReport = { rounds: 0, listed: 0, migrated: 0 };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'sk = :header AND begins_with(pk, :round)',
        ExpressionAttributeValues: { ':header': ROUND_HEADER_SK, ':round': 'ROUND#' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const stored = withoutKeys<RoundHeader & { round: Partial<Round>; opening?: boolean }>(item);
      if (stored.opening) continue; // cut short: the coordinator's retry completes it
      report.rounds += 1;
      let header: RoundHeader = stored;
      if (Array.isArray(stored.round.items)) {
        // The old shape: the whole round in one item.
        const record = stored as unknown as RoundRecord;
        header = headerOf(record);
        const { agencyId, roundId } = record;
        await batchPutAll(
          client,
          tableName,
          record.round.items.map((planItem) => ({
            ...planItemKey(agencyId, roundId, planItem.no),
            ...planItem,
          })),
        );
        const planSha256 = planDigest(record.round.items);
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...roundKey(agencyId, roundId), ...header, planSha256 },
          }),
        );
        report.migrated += 1;
      }
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...roundListKey(header.agencyId, header.roundId), ...listingOf(header) },
        }),
      );
      report.listed += 1;
      progress(`${header.agencyId}/${header.roundId}: listed (${header.itemCount} plan items)`);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return report;
}
