/**
 * Rounds in the single table: a small header row, one row per plan item and
 * one per item state, all in the round's partition (so a round's status is
 * one Query), and a line in the agency's list of rounds.
 */

import { createHash } from 'node:crypto';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { PlanItemValue } from '../schemas/round-schema.js';
import type { RoundStore } from '../workflow/ports.js';
import type { WaitingRole } from '../workflow/roles.js';
import {
  headerOf,
  isComplete,
  listingOf,
  type RoundHeader,
  recordOf,
} from '../workflow/round-header.js';
import type { ItemState, RoundListing, RoundRecord, SignOff } from '../workflow/round-record.js';
import type { VersionStatus } from '../workflow/submission-version.js';
import { isConditionFailure, succeeds } from './conditional-write.js';
import { type BatchRetry, batchPutAll, DEFAULT_BATCH_RETRY } from './dynamodb-batch.js';
import {
  ITEM_PREFIX,
  itemStateKey,
  PLAN_PREFIX,
  planItemKey,
  ROUND_HEADER_SK,
  roundKey,
  roundListKey,
  withoutKeys,
} from './table-keys.js';

export interface ItemVersionRef {
  agencyId: string;
  roundId: string;
  itemNo: number;
  division: string;
  version: number;
}

/**
 * What the header row holds beside the header itself: `opening` while its
 * plan item rows are being written (a round cut short there reads as not
 * open), and a digest of the plan, so a retried opening completes only the
 * same plan.
 */
interface StoredHeader extends RoundHeader {
  opening?: boolean;
  planSha256: string;
}

/** What a retried opening compares: the plan it would complete must be the same plan. */
export const planDigest = (items: readonly PlanItemValue[]) =>
  createHash('sha256').update(JSON.stringify(items)).digest('hex');

function readHeader(item: Record<string, unknown>): StoredHeader {
  return withoutKeys<StoredHeader>(item);
}

function publicHeader(stored: StoredHeader): RoundHeader {
  const { opening: _opening, planSha256: _digest, ...header } = stored;
  return header;
}

export class DynamoDbRoundRepository implements RoundStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retry: BatchRetry = DEFAULT_BATCH_RETRY,
  ) {}

  /**
   * Opens a round; false if it is already open (rounds are never
   * overwritten). The header is claimed first, then the plan item rows and
   * the line in the agency's list are written: the list never names a round
   * that does not exist. If a step after the claim failed, asking again
   * (the 409 retry) completes what is missing — the plan only when it is
   * the same plan, the list line always, from the stored header.
   */
  async openRound(record: RoundRecord): Promise<boolean> {
    const planSha256 = planDigest(record.round.items);
    const header: StoredHeader = { ...headerOf(record), opening: true, planSha256 };
    const opened = await succeeds(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...roundKey(record.agencyId, record.roundId), ...header },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    if (opened) {
      await this.completeOpening(header, record.round.items);
      return true;
    }
    const stored = await this.storedHeader(record.agencyId, record.roundId);
    if (stored?.opening && stored.planSha256 === planSha256) {
      await this.completeOpening(stored, record.round.items);
    } else if (stored && !stored.opening) {
      await this.putListing(stored);
    }
    return false;
  }

  private async completeOpening(header: StoredHeader, items: readonly PlanItemValue[]) {
    const { agencyId, roundId } = header;
    await batchPutAll(
      this.client,
      this.tableName,
      items.map((item) => ({ ...planItemKey(agencyId, roundId, item.no), ...item })),
      this.retry,
    );
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: roundKey(agencyId, roundId),
        UpdateExpression: 'REMOVE opening',
        ConditionExpression: 'planSha256 = :digest',
        ExpressionAttributeValues: { ':digest': header.planSha256 },
      }),
    );
    await this.putListing(header);
  }

  private async putListing(header: RoundHeader): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...roundListKey(header.agencyId, header.roundId), ...listingOf(header) },
      }),
    );
  }

  private async storedHeader(agencyId: string, roundId: string) {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: roundKey(agencyId, roundId),
        ConsistentRead: true,
      }),
    );
    return Item ? readHeader(Item) : undefined;
  }

  /**
   * The agency's rounds, newest first (round ids sort by fiscal year, then h1 before fy).
   * An agency opens two rounds a year: 100 is decades of them.
   */
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

  /** The round's header, without its plan items; undefined unless the round is open. */
  async getRoundHeader(agencyId: string, roundId: string): Promise<RoundHeader | undefined> {
    const stored = await this.storedHeader(agencyId, roundId);
    return stored && !stored.opening ? publicHeader(stored) : undefined;
  }

  /** The header and one plan item: two reads, whatever the size of the plan. */
  async getRoundItem(
    agencyId: string,
    roundId: string,
    itemNo: number,
  ): Promise<{ header: RoundHeader; item: PlanItemValue | undefined } | undefined> {
    const [header, found] = await Promise.all([
      this.getRoundHeader(agencyId, roundId),
      Number.isInteger(itemNo) && itemNo > 0
        ? this.client.send(
            new GetCommand({
              TableName: this.tableName,
              Key: planItemKey(agencyId, roundId, itemNo),
              ConsistentRead: true,
            }),
          )
        : Promise.resolve({ Item: undefined }),
    ]);
    if (!header) return undefined;
    return { header, item: found.Item ? withoutKeys<PlanItemValue>(found.Item) : undefined };
  }

  /** The whole round, plan items included (one Query from the first PLAN# row to the header). */
  async getRound(agencyId: string, roundId: string): Promise<RoundRecord | undefined> {
    const found = await this.queryRound(agencyId, roundId, false);
    return found?.record;
  }

  /** The round and every item state: one Query over the round's partition. */
  async getRoundWithItems(
    agencyId: string,
    roundId: string,
  ): Promise<{ record: RoundRecord; items: ItemState[] } | undefined> {
    return this.queryRound(agencyId, roundId, true);
  }

  private async queryRound(agencyId: string, roundId: string, withStates: boolean) {
    const { pk } = roundKey(agencyId, roundId);
    let header: StoredHeader | undefined;
    const plan: PlanItemValue[] = [];
    const items: ItemState[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: withStates ? 'pk = :pk' : 'pk = :pk AND sk >= :from',
          ExpressionAttributeValues: { ':pk': pk, ...(withStates ? {} : { ':from': PLAN_PREFIX }) },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const sk = String(item.sk);
        if (sk === ROUND_HEADER_SK) header = readHeader(item);
        else if (sk.startsWith(PLAN_PREFIX)) plan.push(withoutKeys<PlanItemValue>(item));
        else if (sk.startsWith(ITEM_PREFIX)) items.push(withoutKeys<ItemState>(item));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    // A round whose opening was cut short reads as not open: rolled up with
    // items missing, it would count as complete.
    if (!header || header.opening || !isComplete(header, plan)) return undefined;
    return { record: recordOf(publicHeader(header), plan), items };
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
      const header = await this.getRoundHeader(agencyId, roundId);
      if (header?.publishedVersion) return header.publishedVersion;
      throw error;
    }
  }
}
