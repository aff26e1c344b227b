/**
 * Rounds and their plan items' states in the single table. The item states
 * sit in the round's partition, so a round's status is one Query.
 */

import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { WaitingRole } from '../workflow/roles.js';
import type { ItemState, RoundListing, RoundRecord, SignOff } from '../workflow/round-record.js';
import type { VersionStatus } from '../workflow/submission-version.js';
import { isConditionFailure, succeeds } from './conditional-write.js';
import { itemStateKey, roundKey, roundListKey, withoutKeys } from './table-keys.js';

export interface ItemVersionRef {
  agencyId: string;
  roundId: string;
  itemNo: number;
  division: string;
  version: number;
}

export class DynamoDbRoundRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Opens a round; false if it is already open (rounds are never
   * overwritten). Its line in the agency's list of rounds is written after
   * the round itself, so the list never names a round that does not exist.
   */
  async openRound(record: RoundRecord): Promise<boolean> {
    const opened = await succeeds(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...roundKey(record.agencyId, record.roundId), ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    if (!opened) return false;
    const line: RoundListing = {
      agencyId: record.agencyId,
      roundId: record.roundId,
      fiscalYear: record.round.fiscalYear,
      period: record.round.period,
      due: record.round.due,
      items: record.round.items.length,
      openedAt: record.openedAt,
    };
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...roundListKey(record.agencyId, record.roundId), ...line },
      }),
    );
    return true;
  }

  /** The agency's rounds, newest first (round ids sort by fiscal year, then h1 before fy). */
  async listRounds(agencyId: string): Promise<RoundListing[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': roundListKey(agencyId, '').pk },
        ScanIndexForward: false,
        Limit: 100,
      }),
    );
    return (Items ?? []).map((item) => withoutKeys<RoundListing>(item));
  }

  async getRound(agencyId: string, roundId: string): Promise<RoundRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: roundKey(agencyId, roundId) }),
    );
    return Item ? withoutKeys<RoundRecord>(Item) : undefined;
  }

  /** The round and every item state: one Query over the round's partition. */
  async getRoundWithItems(
    agencyId: string,
    roundId: string,
  ): Promise<{ record: RoundRecord; items: ItemState[] } | undefined> {
    const { pk } = roundKey(agencyId, roundId);
    let record: RoundRecord | undefined;
    const items: ItemState[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        if (item.sk === 'ROUND') record = withoutKeys<RoundRecord>(item);
        else items.push(withoutKeys<ItemState>(item));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return record ? { record, items } : undefined;
  }

  async recordRejectedUpload(
    target: { agencyId: string; roundId: string; itemNo: number; division: string },
    uploadId: string,
    at: string,
  ): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: itemStateKey(target.agencyId, target.roundId, target.itemNo),
        UpdateExpression:
          'SET itemNo = :no, division = :division, lastRejectedUploadId = :upload, lastRejectedAt = :at, updatedAt = :at',
        ExpressionAttributeValues: {
          ':no': target.itemNo,
          ':division': target.division,
          ':upload': uploadId,
          ':at': at,
        },
      }),
    );
  }

  /**
   * Points the item at a newer version. The condition is the whole of the
   * ordering guarantee: an older version's late event cannot move it back.
   */
  async advanceCurrent(ref: ItemVersionRef, waitingOn: WaitingRole, at: string): Promise<boolean> {
    return succeeds(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: itemStateKey(ref.agencyId, ref.roundId, ref.itemNo),
          UpdateExpression:
            'SET itemNo = :no, division = :division, currentVersion = :v, #status = :status, waitingOn = :role, updatedAt = :at',
          ConditionExpression: 'attribute_not_exists(currentVersion) OR currentVersion < :v',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':no': ref.itemNo,
            ':division': ref.division,
            ':v': ref.version,
            ':status': 'awaiting-approval' satisfies VersionStatus,
            ':role': waitingOn,
            ':at': at,
          },
        }),
      ),
    );
  }

  /** Updates the item's status if `ref` is still its current version; false if it has moved on. */
  async setItemStatus(
    ref: ItemVersionRef,
    status: VersionStatus,
    at: string,
    waitingOn?: WaitingRole,
  ): Promise<boolean> {
    const sets = ['#status = :status', 'updatedAt = :at'];
    if (status === 'approved') sets.push('approvedVersion = :v');
    if (waitingOn) sets.push('waitingOn = :role');
    const update = `SET ${sets.join(', ')}${waitingOn ? '' : ' REMOVE waitingOn'}`;
    return succeeds(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: itemStateKey(ref.agencyId, ref.roundId, ref.itemNo),
          UpdateExpression: update,
          ConditionExpression: 'currentVersion = :v',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': status,
            ':at': at,
            ':v': ref.version,
            ...(waitingOn ? { ':role': waitingOn } : {}),
          },
        }),
      ),
    );
  }

  /**
   * Claims the round's sign-off as `next.attempt`. Only one execution wins,
   * however many plan items are approved at the same moment.
   */
  async claimSignOff(agencyId: string, roundId: string, next: SignOff): Promise<boolean> {
    const first = next.attempt === 1;
    return succeeds(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: roundKey(agencyId, roundId),
          UpdateExpression: 'SET signOff = :next',
          ConditionExpression: first
            ? 'attribute_exists(pk) AND attribute_not_exists(signOff)'
            : 'signOff.attempt = :previous AND signOff.#state IN (:returned, :expired)',
          ...(first ? {} : { ExpressionAttributeNames: { '#state': 'state' } }),
          ExpressionAttributeValues: {
            ':next': next,
            ...(first
              ? {}
              : { ':previous': next.attempt - 1, ':returned': 'returned', ':expired': 'expired' }),
          },
        }),
      ),
    );
  }

  /** Records how a sign-off attempt ended; false if another attempt has replaced it. */
  async settleSignOff(agencyId: string, roundId: string, signOff: SignOff): Promise<boolean> {
    return succeeds(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: roundKey(agencyId, roundId),
          UpdateExpression: 'SET signOff = :signOff',
          ConditionExpression: 'signOff.attempt = :attempt',
          ExpressionAttributeValues: { ':signOff': signOff, ':attempt': signOff.attempt },
        }),
      ),
    );
  }

  /**
   * The published version for a sign-off attempt: the next number the first
   * time, the same number when publishing is retried for that attempt.
   */
  async claimPublishedVersion(agencyId: string, roundId: string, attempt: number): Promise<number> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: roundKey(agencyId, roundId),
          UpdateExpression:
            'SET publishedVersion = if_not_exists(publishedVersion, :zero) + :one, publishedForAttempt = :attempt',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(publishedForAttempt) OR publishedForAttempt < :attempt)',
          ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':attempt': attempt },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.publishedVersion);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const record = await this.getRound(agencyId, roundId);
      if (record?.publishedVersion) return record.publishedVersion;
      throw error;
    }
  }
}
