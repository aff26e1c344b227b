/**
 * What only the DynamoDB adapters can get wrong, on dynalite behind the
 * embedded stack's fault proxy (the service's own "unavailable" answer, not
 * a mock): an opening cut short between its writes, the backfill of rounds
 * stored before their list line or their plan rows existed, and batch reads
 * DynamoDB answers only in part.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient as DocumentClient,
  type DynamoDBDocumentClient,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import { createFaultInjector, type FaultProxy, startFaultProxy } from '../../local/fault-proxy.js';
import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { UnprocessedBatchError } from '../../shared/adapters/dynamodb-batch.js';
import { backfillRounds } from '../../shared/adapters/dynamodb-round-backfill.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { roundKey } from '../../shared/adapters/table-keys.js';
import type { Approval } from '../../shared/workflow/approval.js';
import { audienceOf } from '../../shared/workflow/approval.js';
import type { RoundRecord } from '../../shared/workflow/round-record.js';
import { seedRound } from '../helpers/seed-round.js';
import { createSingleTable, type DynaliteTable, startDynaliteTable } from './dynalite-table.js';

let dynalite: DynaliteTable;
let proxy: FaultProxy;
let faulty: DynamoDBDocumentClient;
const faults = createFaultInjector();
let tables = 0;
let tableName: string;

beforeAll(async () => {
  dynalite = await startDynaliteTable();
  proxy = await startFaultProxy('dynamodb', dynalite.endpoint, faults.decide);
  faulty = DocumentClient.from(
    new DynamoDBClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: proxy.url,
      maxAttempts: 1,
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
});
afterAll(async () => {
  faulty?.destroy();
  await proxy?.close();
  await dynalite?.close();
});
beforeEach(async () => {
  faults.clear();
  tables += 1;
  tableName = `repair-${tables}`;
  await createSingleTable(dynalite.endpoint, tableName);
});

const record = (roundId = '2566-h1', round = seedRound()): RoundRecord => ({
  agencyId: 'opdc',
  roundId,
  round,
  openedBy: 'coordinator',
  openedAt: '2023-04-01T02:00:00.000Z',
});
const listLinePut = (body: string) => body.includes('"ROUNDS#opdc"');
const planRowWrite = (body: string) => body.includes('"PLAN#');

describe('Opening a round cut short', () => {
  it('puts the list line back on the retry when the second write failed', async () => {
    // Prepare
    const rounds = new DynamoDbRoundRepository(faulty, tableName);
    const stop = faults.inject({ name: 'list put', matches: (r) => listLinePut(r.body) });

    // Act
    await expect(rounds.openRound(record())).rejects.toThrow();
    stop();
    const listedBefore = await rounds.listRounds('opdc');
    const retried = await rounds.openRound(record());

    // Assess
    expect(listedBefore).toEqual([]);
    expect(retried).toBe(false);
    expect((await rounds.listRounds('opdc')).map((l) => l.roundId)).toEqual(['2566-h1']);
  });

  it('reads as not open until a retry of the same plan completes its rows', async () => {
    const rounds = new DynamoDbRoundRepository(faulty, tableName);
    const stop = faults.inject({ name: 'plan rows', matches: (r) => planRowWrite(r.body) });
    await expect(rounds.openRound(record())).rejects.toThrow();
    stop();
    expect(await rounds.getRoundItem('opdc', '2566-h1', 1)).toBeUndefined();
    expect(await rounds.getRound('opdc', '2566-h1')).toBeUndefined();
    const other = { ...record(), round: { ...seedRound(), items: seedRound().items.slice(0, 2) } };
    expect(await rounds.openRound(other)).toBe(false);
    expect(await rounds.getRound('opdc', '2566-h1')).toBeUndefined();
    expect(await rounds.openRound(record())).toBe(false);
    expect(await rounds.getRound('opdc', '2566-h1')).toEqual(record());
    expect((await rounds.listRounds('opdc')).map((l) => l.items)).toEqual([6]);
  });
});

describe('Backfilling rounds stored before', () => {
  it('lists every round and turns a one-item round into a header and plan rows, once', async () => {
    // Prepare: one round the old way (whole, no list line), one opened today whose list line is lost.
    const rounds = new DynamoDbRoundRepository(dynalite.documents, tableName);
    await dynalite.documents.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...roundKey('opdc', '2565-h1'), ...record('2565-h1'), publishedVersion: 2 },
      }),
    );
    await rounds.openRound(record('2566-h1'));
    await dynalite.documents.send(
      new PutCommand({
        TableName: tableName,
        Item: { pk: 'ROUNDS#opdc', sk: 'ROUND#2566-h1', gone: true },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    expect(await rounds.getRoundItem('opdc', '2565-h1', 1)).toMatchObject({ item: undefined });

    // Act
    const first = await backfillRounds(dynalite.documents, tableName);
    const second = await backfillRounds(dynalite.documents, tableName);

    // Assess
    expect(first).toEqual({ rounds: 2, listed: 2, migrated: 1 });
    expect(second).toEqual({ rounds: 2, listed: 2, migrated: 0 });
    expect((await rounds.listRounds('opdc')).map((l) => l.roundId)).toEqual(['2566-h1', '2565-h1']);
    expect(await rounds.getRound('opdc', '2565-h1')).toEqual({
      ...record('2565-h1'),
      publishedVersion: 2,
    });
    const header = await rounds.getRoundHeader('opdc', '2565-h1');
    expect(header?.round).not.toHaveProperty('items');
    expect(header?.itemCount).toBe(6);
  });
});

describe('Batch reads DynamoDB answers in part', () => {
  const approval = (id: string): Approval => ({
    approvalId: id,
    agencyId: 'opdc',
    roundId: '2566-h1',
    subject: { kind: 'item', itemNo: 1, division: 'd1', version: 1, uploadedBy: 's' },
    step: 0,
    role: 'division-director',
    status: 'pending',
    phase: 'request',
    requestedAt: '2023-04-20T00:00:00.000Z',
  });

  /**
   * No emulator leaves keys unprocessed, so this client stands in for a
   * throttled table: each BatchGetItem answers the first `served` keys and
   * hands the rest back as UnprocessedKeys, as DynamoDB does under load.
   */
  function throttling(served: (call: number) => number) {
    let calls = 0;
    const send = async (command: unknown) => {
      if (!(command instanceof BatchGetCommand)) return dynalite.documents.send(command as never);
      calls += 1;
      const request = command.input.RequestItems?.[tableName];
      const keys = request?.Keys ?? [];
      const take = Math.min(served(calls), keys.length);
      const out =
        take > 0
          ? await dynalite.documents.send(
              new BatchGetCommand({
                RequestItems: { [tableName]: { ...request, Keys: keys.slice(0, take) } },
              }),
            )
          : { Responses: {} };
      const rest = keys.slice(take);
      return {
        ...out,
        UnprocessedKeys: rest.length > 0 ? { [tableName]: { Keys: rest } } : {},
      };
    };
    return { client: { send } as unknown as DynamoDBDocumentClient, calls: () => calls };
  }
  const noWait = { attempts: 6, firstDelayMs: 1, sleep: async () => undefined };

  it('expires all of 250 pending approvals, none left pending, though each batch came back in part', async () => {
    // Prepare
    const ids = Array.from({ length: 250 }, (_, i) => `opdc.2566-h1.${i + 1}.v1.s0`);
    const store = new DynamoDbApprovalRepository(dynalite.documents, tableName);
    for (const id of ids) await store.recordPending(approval(id), 'token');
    const throttled = throttling(() => 40);
    const approvals = new DynamoDbApprovalRepository(throttled.client, tableName, noWait);

    // Act: what an expiry does — read the waiting approvals, settle each still pending.
    const found = await approvals.getMany('opdc', ids);
    for (const a of found) {
      if (a.status === 'pending') await approvals.settle({ ...a, status: 'expired' });
    }

    // Assess
    expect(found).toHaveLength(250);
    expect(throttled.calls()).toBeGreaterThan(3);
    const after = await store.getMany('opdc', ids);
    expect(after.filter((a) => a.status === 'pending')).toEqual([]);
    expect(await store.listInbox(audienceOf(approval('x')), 100)).toEqual([]);
  });

  it('gives up after a bounded number of tries with a clear error, never a short answer', async () => {
    const store = new DynamoDbApprovalRepository(dynalite.documents, tableName);
    await store.recordPending(approval('a1'), 'token');
    const stuck = throttling(() => 0);
    const approvals = new DynamoDbApprovalRepository(stuck.client, tableName, noWait);
    const error = await approvals.getMany('opdc', ['a1']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessedBatchError);
    expect((error as Error).message).toMatch(/unprocessed after 6 attempts/);
    expect(stuck.calls()).toBe(6);
  });
});
