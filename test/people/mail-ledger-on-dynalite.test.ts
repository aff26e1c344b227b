/**
 * The mail ledger and the digest store on the embedded DynamoDB (dynalite,
 * the real protocol): a delivery is claimed once; a claim released after a
 * failed send, or left "sending" past STALE_AFTER_MS by a sender that died,
 * is taken again; a sent one never is. A repeated reminder is one digest row.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DynamoDbDeliveryLedger,
  STALE_AFTER_MS,
} from '../../shared/adapters/dynamodb-delivery-ledger.js';
import { DynamoDbDigestStore } from '../../shared/adapters/dynamodb-digest-store.js';
import type { DigestEntry } from '../../shared/people/digest-entry.js';
import { type DynaliteTable, startDynaliteTable } from '../repositories/dynalite-table.js';

const T0 = new Date('2023-04-20T02:30:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

let table: DynaliteTable;
let ledger: DynamoDbDeliveryLedger;

beforeAll(async () => {
  table = await startDynaliteTable();
  ledger = new DynamoDbDeliveryLedger(table.documents, table.tableName);
});
afterAll(async () => {
  await table?.close();
});

describe('Class: DynamoDbDeliveryLedger', () => {
  it('claims a delivery once', async () => {
    // Act
    const first = await ledger.claim('notice#opdc#k1#sub-a', T0);
    const second = await ledger.claim('notice#opdc#k1#sub-a', later(1_000));
    // Assess
    expect([first, second]).toEqual([true, false]);
  });

  it('never takes a sent delivery again, however late', async () => {
    // Prepare
    await ledger.claim('notice#opdc#k2#sub-a', T0);
    await ledger.markSent('notice#opdc#k2#sub-a', later(500));
    // Act
    const again = await ledger.claim('notice#opdc#k2#sub-a', later(STALE_AFTER_MS * 10));
    // Assess
    expect(again).toBe(false);
  });

  it('takes a released claim again at once (the send failed)', async () => {
    // Prepare
    await ledger.claim('notice#opdc#k3#sub-a', T0);
    await ledger.release('notice#opdc#k3#sub-a');
    // Act
    const again = await ledger.claim('notice#opdc#k3#sub-a', later(1_000));
    // Assess
    expect(again).toBe(true);
  });

  it('takes a claim left sending only once it is stale', async () => {
    // Prepare: a sender claimed and died.
    await ledger.claim('notice#opdc#k4#sub-a', T0);
    // Act
    const fresh = await ledger.claim('notice#opdc#k4#sub-a', later(STALE_AFTER_MS - 1_000));
    const stale = await ledger.claim('notice#opdc#k4#sub-a', later(STALE_AFTER_MS + 1_000));
    const twice = await ledger.claim('notice#opdc#k4#sub-a', later(STALE_AFTER_MS + 2_000));
    // Assess
    expect([fresh, stale, twice]).toEqual([false, true, false]);
  });

  it('does not release a delivery that was sent', async () => {
    // Prepare
    await ledger.claim('notice#opdc#k5#sub-a', T0);
    await ledger.markSent('notice#opdc#k5#sub-a', T0);
    // Act
    const released = ledger.release('notice#opdc#k5#sub-a');
    // Assess
    await expect(released).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(await ledger.claim('notice#opdc#k5#sub-a', later(STALE_AFTER_MS * 2))).toBe(false);
  });
});

describe('Class: DynamoDbDigestStore', () => {
  it('keeps a repeated reminder once and lists a day per agency', async () => {
    // Prepare
    const store = new DynamoDbDigestStore(table.documents, table.tableName);
    const entry: DigestEntry = {
      day: '2023-04-20',
      agencyId: 'opdc',
      sub: 'sub-a',
      email: 'a@people.example',
      noticeKey: 'k6',
      notice: {
        kind: 'approval-reminder',
        agencyId: 'opdc',
        roundId: '2566-h1',
        itemNo: 2,
        groups: ['opdc:division-director'],
        sentAt: T0.toISOString(),
      },
    };
    // Act
    await store.add(entry);
    await store.add(entry);
    await store.add({ ...entry, noticeKey: 'k7' });
    await store.add({ ...entry, agencyId: 'other', noticeKey: 'k8' });
    // Assess
    const day = await store.listDay('opdc', '2023-04-20');
    expect(day.map((e) => e.noticeKey).sort()).toEqual(['k6', 'k7']);
    expect(day[0]).toEqual({ ...entry, noticeKey: day[0]?.noticeKey });
    expect(await store.listDay('opdc', '2023-04-21')).toEqual([]);
  });
});
