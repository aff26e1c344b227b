/**
 * Approvals in the single table. The task token is stored on the approval
 * item and read back only by the decision path; pending approvals are also
 * in the sparse inbox index, which drops them the moment they are decided.
 */

import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Approval, Audience } from '../workflow/approval.js';
import { audienceOf } from '../workflow/approval.js';
import type { ApprovalStore } from '../workflow/ports.js';
import { succeeds } from './conditional-write.js';
import { type BatchRetry, batchGetAll, DEFAULT_BATCH_RETRY } from './dynamodb-batch.js';
import {
  approvalKey,
  DECIDED_INDEX,
  decidedPartition,
  INBOX_INDEX,
  inboxPartition,
  withoutKeys,
} from './table-keys.js';

export interface StoredApproval {
  approval: Approval;
  taskToken: string;
}

export class DynamoDbApprovalRepository implements ApprovalStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retry: BatchRetry = DEFAULT_BATCH_RETRY,
  ) {}

  /**
   * Records a waiting step with its current token. A reminder or an
   * escalation replaces the token (the timed-out one is dead) but only while
   * the approval is still pending; false if it was decided meanwhile.
   */
  async recordPending(approval: Approval, taskToken: string): Promise<boolean> {
    return succeeds(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...approvalKey(approval.agencyId, approval.approvalId),
            gsi1pk: inboxPartition(audienceOf(approval)),
            gsi1sk: `${approval.requestedAt}#${approval.approvalId}`,
            ...approval,
            taskToken,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        }),
      ),
    );
  }

  async get(agencyId: string, approvalId: string): Promise<StoredApproval | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: approvalKey(agencyId, approvalId),
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;
    return { approval: withoutKeys<Approval>(Item), taskToken: String(Item.taskToken ?? '') };
  }

  /**
   * Settles a pending approval (decided or expired) and takes it out of the
   * inbox; false if it was no longer pending, which makes decisions idempotent.
   */
  async settle(approval: Approval): Promise<boolean> {
    const { decidedBy, decidedByName, decidedByPosition, decidedAt, comment } = approval;
    const values: Record<string, unknown> = {
      ':status': approval.status,
      ':pending': 'pending',
      ...(decidedBy ? { ':by': decidedBy, ':byName': decidedByName ?? '', ':at': decidedAt } : {}),
      ...(comment ? { ':comment': comment } : {}),
      ...(decidedBy && decidedByPosition ? { ':byPosition': decidedByPosition } : {}),
    };
    const sets = ['#status = :status'];
    if (decidedBy) {
      sets.push('decidedBy = :by', 'decidedByName = :byName', 'decidedAt = :at');
      if (decidedByPosition) sets.push('decidedByPosition = :byPosition');
      // The decider's history index: who decided what, newest first.
      sets.push('gsi2pk = :decided', 'gsi2sk = :decidedSort');
      values[':decided'] = decidedPartition(approval.agencyId, decidedBy);
      values[':decidedSort'] = `${decidedAt}#${approval.approvalId}`;
    }
    if (comment) sets.push('#comment = :comment');
    return succeeds(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: approvalKey(approval.agencyId, approval.approvalId),
          UpdateExpression: `SET ${sets.join(', ')} REMOVE gsi1pk, gsi1sk`,
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: {
            '#status': 'status',
            ...(comment ? { '#comment': 'comment' } : {}),
          },
          ExpressionAttributeValues: values,
        }),
      ),
    );
  }

  /** Pending approvals for one inbox, oldest first. */
  async listInbox(audience: Audience, limit: number): Promise<Approval[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INBOX_INDEX,
        KeyConditionExpression: 'gsi1pk = :inbox',
        ExpressionAttributeValues: { ':inbox': inboxPartition(audience) },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => withoutKeys<Approval>(item));
  }

  /** What one person decided in an agency, newest first. */
  async listDecided(agencyId: string, sub: string, limit: number): Promise<Approval[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: DECIDED_INDEX,
        KeyConditionExpression: 'gsi2pk = :who',
        ExpressionAttributeValues: { ':who': decidedPartition(agencyId, sub) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => withoutKeys<Approval>(item));
  }

  /**
   * Approvals by id within one agency, in pages of 100 keys, asking again for
   * what DynamoDB left unprocessed: a throttled key must not read as "no such
   * approval", or an expired one would stay pending.
   */
  async getMany(agencyId: string, approvalIds: readonly string[]): Promise<Approval[]> {
    const keys = approvalIds.map((id) => approvalKey(agencyId, id));
    const items = await batchGetAll(this.client, this.tableName, keys, this.retry);
    return items.map((item) => withoutKeys<Approval>(item));
  }
}
