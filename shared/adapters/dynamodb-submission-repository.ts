/**
 * Uploads and submission versions in the single table. Versions are written
 * once (attribute_not_exists) and only their status changes afterwards.
 */

import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { SubmissionStore } from '../workflow/ports.js';
import type { WaitingRole } from '../workflow/roles.js';
import {
  type DocumentRef,
  KEPT_DOCUMENT_MAX_BYTES,
  type SubmissionRef,
  type SubmissionVersion,
  type VersionStatus,
} from '../workflow/submission-version.js';
import type { UploadRecord } from '../workflow/upload-record.js';
import { succeeds } from './conditional-write.js';
import { type BatchRetry, batchGetAll, DEFAULT_BATCH_RETRY } from './dynamodb-batch.js';
import {
  documentRowKey,
  submissionPartition,
  uploadRecordKey,
  versionKey,
  withoutKeys,
} from './table-keys.js';

type VersionKeyRef = Pick<SubmissionRef, 'agencyId' | 'roundId' | 'itemNo' | 'version'>;

const keyOf = (ref: VersionKeyRef) =>
  versionKey(ref.agencyId, ref.roundId, ref.itemNo, ref.version);

const documentKeyOf = (ref: DocumentRef) =>
  documentRowKey(ref.agencyId, ref.roundId, ref.itemNo, ref.uploadId);

/**
 * The table row keeping `document` (compact JSON in one string attribute:
 * the cheapest to marshal, and it reads back exactly), or undefined when the
 * document is over KEPT_DOCUMENT_MAX_BYTES. Bulk loaders write the same row.
 */
export function keptDocumentRow(
  ref: DocumentRef,
  document: unknown,
): Record<string, unknown> | undefined {
  const json = JSON.stringify(document);
  if (Buffer.byteLength(json) > KEPT_DOCUMENT_MAX_BYTES) return undefined;
  const { agencyId, roundId, itemNo, uploadId } = ref;
  return { ...documentKeyOf(ref), agencyId, roundId, itemNo, uploadId, json };
}

export class DynamoDbSubmissionRepository implements SubmissionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retry: BatchRetry = DEFAULT_BATCH_RETRY,
  ) {}

  async putUpload(record: UploadRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...uploadRecordKey(record.agencyId, record.uploadId), ...record },
        // Upload ids are random; a clash would mean two requests sharing one key.
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getUpload(agencyId: string, uploadId: string): Promise<UploadRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: uploadRecordKey(agencyId, uploadId),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<UploadRecord>(Item) : undefined;
  }

  /** Settles an upload as accepted or rejected; a replayed event settles it the same way again. */
  async settleUpload(
    record: UploadRecord,
    result: Pick<
      UploadRecord,
      'status' | 'version' | 'problems' | 'problemCount' | 'resultKey' | 'settledAt'
    >,
  ): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...uploadRecordKey(record.agencyId, record.uploadId), ...record, ...result },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }

  /** The newest version of an item: the last key of its partition. */
  async latestVersion(
    agencyId: string,
    roundId: string,
    itemNo: number,
  ): Promise<SubmissionVersion | undefined> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: {
          ':pk': submissionPartition(agencyId, roundId, itemNo),
          ':v': 'V#',
        },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = Items?.[0];
    return item ? withoutKeys<SubmissionVersion>(item) : undefined;
  }

  /** An item's versions, newest first (at most `limit`). */
  async listVersions(
    agencyId: string,
    roundId: string,
    itemNo: number,
    limit: number,
  ): Promise<SubmissionVersion[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: {
          ':pk': submissionPartition(agencyId, roundId, itemNo),
          ':v': 'V#',
        },
        ScanIndexForward: false,
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((item) => withoutKeys<SubmissionVersion>(item));
  }

  /** Writes a new version; false if that number is already taken. */
  async putVersion(version: SubmissionVersion): Promise<boolean> {
    return succeeds(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keyOf(version), ...version },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async getVersion(ref: VersionKeyRef): Promise<SubmissionVersion | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keyOf(ref), ConsistentRead: true }),
    );
    return Item ? withoutKeys<SubmissionVersion>(Item) : undefined;
  }

  async setVersionStatus(
    ref: VersionKeyRef,
    status: VersionStatus,
    waitingOn?: WaitingRole,
  ): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keyOf(ref),
        UpdateExpression: waitingOn
          ? 'SET #status = :status, waitingOn = :role'
          : 'SET #status = :status REMOVE waitingOn',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ...(waitingOn ? { ':role': waitingOn } : {}),
        },
      }),
    );
  }

  /** Several versions at once (a round's approved ones), in no particular order, with a bounded retry of what DynamoDB leaves unprocessed. */
  async getVersions(refs: readonly VersionKeyRef[]): Promise<SubmissionVersion[]> {
    const items = await batchGetAll(this.client, this.tableName, refs.map(keyOf), this.retry);
    return items.map((item) => withoutKeys<SubmissionVersion>(item));
  }

  async putDocument(ref: DocumentRef, document: unknown): Promise<boolean> {
    const row = keptDocumentRow(ref, document);
    if (!row) return false;
    // Unconditional: the row follows its upload's S3 document, written the same way.
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: row }));
    return true;
  }

  async getDocuments(refs: readonly DocumentRef[]): Promise<Map<string, unknown>> {
    const items = await batchGetAll(
      this.client,
      this.tableName,
      refs.map(documentKeyOf),
      this.retry,
    );
    return new Map(items.map((item) => [String(item.uploadId), JSON.parse(String(item.json))]));
  }
}
