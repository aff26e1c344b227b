/**
 * Delivering notices and the daily digest, over in-memory ports
 * (mail-fakes.ts): once per notice × recipient however often the queue
 * redelivers; a person removed from a group stops receiving; a failed send
 * throws (the queue retries) and loses nobody; reminders wait for one
 * digest e-mail per person listing everything, mailed once per day.
 */

import { describe, expect, it } from 'vitest';
import { STALE_AFTER_MS } from '../../shared/adapters/dynamodb-delivery-ledger.js';
import { type DeliverPorts, deliverNotice, noticeKey } from '../../shared/people/deliver-notice.js';
import { sendDailyDigest } from '../../shared/people/send-daily-digest.js';
import type { Notice } from '../../shared/workflow/approval-notice.js';
import { seedRound } from '../helpers/seed-round.js';
import { fakeDigests, fakeDirectory, fakeLedger, fakeMailer, person } from './mail-fakes.js';

const ROUND = seedRound();
const DIRECTORS = 'opdc:division-director';
const DIVISION = 'opdc:division:division-placeholder-02';
const T0 = new Date('2023-04-20T02:30:00.000Z');

const requested: Notice = {
  kind: 'approval-requested',
  agencyId: 'opdc',
  roundId: '2566-h1',
  itemNo: 2,
  version: 1,
  role: 'division-director',
  groups: [DIRECTORS, DIVISION],
  approvalId: 'opdc#2566-h1#2#1#0',
  waitingSince: T0.toISOString(),
  sentAt: T0.toISOString(),
};

function setUp() {
  const director = person('director-2');
  const deputy = person('deputy-2');
  const otherDirector = person('director-3');
  const staff = person('staff-2');
  const people = fakeDirectory({
    [DIRECTORS]: [director, deputy, otherDirector],
    [DIVISION]: [director, deputy, staff],
  });
  const mail = fakeMailer();
  const ledger = fakeLedger();
  const digests = fakeDigests();
  let now = T0;
  const ports: DeliverPorts = {
    directory: people.directory,
    mailer: mail.mailer,
    ledger: ledger.ledger,
    digests: digests.digests,
    round: async () => ROUND,
    portalUrl: 'https://portal.test',
    now: () => now,
  };
  return {
    ports,
    people,
    mail,
    ledger,
    digests,
    director,
    deputy,
    staff,
    at: (instant: Date) => {
      now = instant;
    },
  };
}

describe('Function: deliverNotice', () => {
  it('mails everyone who holds all of the notice’s groups, and nobody else', async () => {
    // Prepare
    const { ports, mail } = setUp();
    // Act
    const delivered = await deliverNotice(ports, requested);
    // Assess
    expect(delivered).toEqual({ mailed: 2, skipped: 0, digested: 0, unreachable: 0 });
    expect(mail.sent.map((m) => m.to).sort()).toEqual([
      'deputy-2@people.example',
      'director-2@people.example',
    ]);
  });

  it('mails nobody twice when the queue redelivers the same notice', async () => {
    // Prepare
    const { ports, mail, ledger } = setUp();
    await deliverNotice(ports, requested);
    // Act
    const again = await deliverNotice(ports, structuredClone(requested));
    // Assess
    expect(again).toEqual({ mailed: 0, skipped: 2, digested: 0, unreachable: 0 });
    expect(mail.sent).toHaveLength(2);
    expect([...ledger.rows.values()].map((r) => r.state)).toEqual(['sent', 'sent']);
    expect([...ledger.rows.keys()][0]).toContain(noticeKey(requested));
  });

  it('mails a new notice (another version) again to the same people', async () => {
    // Prepare
    const { ports, mail } = setUp();
    await deliverNotice(ports, requested);
    // Act
    await deliverNotice(ports, { ...requested, version: 2, approvalId: 'opdc#2566-h1#2#2#0' });
    // Assess
    expect(mail.to('director-2@people.example')).toHaveLength(2);
  });

  it('stops mailing a person removed from a group', async () => {
    // Prepare
    const { ports, mail, people, deputy } = setUp();
    await deliverNotice(ports, requested);
    people.groups[DIVISION] = (people.groups[DIVISION] ?? []).filter((p) => p.sub !== deputy.sub);
    // Act
    await deliverNotice(ports, { ...requested, version: 2, approvalId: 'opdc#2566-h1#2#2#0' });
    // Assess
    expect(mail.to('deputy-2@people.example')).toHaveLength(1);
    expect(mail.to('director-2@people.example')).toHaveLength(2);
  });

  it('counts, and does not mail, a disabled member or one without an address', async () => {
    // Prepare
    const { ports, mail, people } = setUp();
    const gone = person('gone-2', { enabled: false });
    const { email: _none, ...withoutMail } = person('nomail-2');
    people.groups[DIRECTORS]?.push(gone, withoutMail);
    people.groups[DIVISION]?.push(gone, withoutMail);
    // Act
    const delivered = await deliverNotice(ports, requested);
    // Assess
    expect(delivered.unreachable).toBe(2);
    expect(mail.sent.map((m) => m.to)).not.toContain('gone-2@people.example');
  });

  it('throws when a send fails, and the retry mails only who was missed', async () => {
    // Prepare
    const { ports, mail, ledger } = setUp();
    mail.failFor.add('director-2@people.example');
    // Act
    const first = deliverNotice(ports, requested);
    // Assess: the queue sees the failure and will redeliver.
    await expect(first).rejects.toThrow('SES refused director-2@people.example');
    const claimed = [...ledger.rows.entries()].filter(([, r]) => r.state === 'sending');
    expect(claimed).toEqual([]);
    // Act: the redelivery, once SES takes the mail again.
    mail.failFor.clear();
    await deliverNotice(ports, requested);
    // Assess: everybody has exactly one e-mail.
    expect(mail.to('director-2@people.example')).toHaveLength(1);
    expect(mail.to('deputy-2@people.example')).toHaveLength(1);
  });

  it('leaves a claim whose sender died alone until it is stale, then takes it again', async () => {
    // Prepare: an attempt claimed director-2 and died before SES answered.
    const { ports, mail, ledger, director, at } = setUp();
    const key = `notice#opdc#${noticeKey(requested)}#${director.sub}`;
    await ledger.ledger.claim(key, T0);
    // Act: redelivered soon after — that claim may still be sending.
    at(new Date(T0.getTime() + 60_000));
    const soon = await deliverNotice(ports, requested);
    // Assess
    expect(soon.skipped).toBe(1);
    expect(mail.to('director-2@people.example')).toHaveLength(0);
    // Act: redelivered after the claim went stale.
    at(new Date(T0.getTime() + STALE_AFTER_MS + 1));
    const later = await deliverNotice(ports, requested);
    // Assess
    expect(later.mailed).toBe(1);
    expect(mail.to('director-2@people.example')).toHaveLength(1);
  });

  it('keeps reminders for the digest instead of mailing them', async () => {
    // Prepare
    const { ports, mail, digests } = setUp();
    const reminder: Notice = { ...requested, kind: 'approval-reminder' };
    // Act
    const delivered = await deliverNotice(ports, reminder);
    await deliverNotice(ports, reminder);
    // Assess
    expect(delivered).toEqual({ mailed: 0, skipped: 0, digested: 2, unreachable: 0 });
    expect(mail.sent).toEqual([]);
    expect(digests.rows.size).toBe(2);
    expect([...digests.rows.values()].every((e) => e.day === '2023-04-20')).toBe(true);
  });
});

describe('Function: sendDailyDigest', () => {
  async function remindersFor(ports: DeliverPorts) {
    // Director-2 is owed three decisions; staff-2's division owes one report.
    for (const itemNo of [2, 3, 5]) {
      await deliverNotice(ports, {
        ...requested,
        kind: 'approval-reminder',
        itemNo,
        approvalId: `opdc#2566-h1#${itemNo}#1#0`,
        groups: [DIRECTORS],
      });
    }
    await deliverNotice(ports, {
      kind: 'submission-reminder',
      agencyId: 'opdc',
      roundId: '2566-h1',
      itemNo: 2,
      groups: [DIVISION],
      sentAt: T0.toISOString(),
    });
  }

  it('sends one e-mail per person listing everything waiting for them', async () => {
    // Prepare
    const { ports, mail } = setUp();
    await remindersFor(ports);
    // Act
    const sent = await sendDailyDigest(ports, ['opdc'], '2023-04-20');
    // Assess
    const director = mail.to('director-2@people.example');
    expect(director).toHaveLength(1);
    // Three decisions, and the division's report: director-2 holds the division's group too.
    expect(director[0]?.subject).toContain('สรุปรายการที่รอท่าน ๔ รายการ / 4 item(s)');
    for (const itemNo of ['๒', '๓', '๕']) {
      expect(director[0]?.text).toContain(`แผนงานลำดับที่ ${itemNo}`);
    }
    expect(director[0]?.text).toContain('#/approver/opdc%232566-h1%235%231%230');
    const staff = mail.to('staff-2@people.example');
    expect(staff).toHaveLength(1);
    expect(staff[0]?.text).toContain('เตือน: กรุณาส่งรายงานผลการดำเนินงาน');
    expect(staff[0]?.text).not.toContain('แผนงานลำดับที่ ๕');
    expect(director[0]?.text).toContain('เตือน: กรุณาส่งรายงานผลการดำเนินงาน');
    expect(sent.mailed).toBe(mail.sent.length);
    expect(new Set(mail.sent.map((m) => m.to)).size).toBe(mail.sent.length);
  });

  it('mails nobody twice when the schedule runs again the same day', async () => {
    // Prepare
    const { ports, mail } = setUp();
    await remindersFor(ports);
    const first = await sendDailyDigest(ports, ['opdc'], '2023-04-20');
    // Act
    const again = await sendDailyDigest(ports, ['opdc'], '2023-04-20');
    // Assess
    expect(again.mailed).toBe(0);
    expect(again.skipped).toBe(first.mailed);
    expect(mail.sent).toHaveLength(first.mailed);
  });

  it('sends nothing for a day without reminders', async () => {
    // Prepare
    const { ports, mail } = setUp();
    await remindersFor(ports);
    // Act
    const sent = await sendDailyDigest(ports, ['opdc'], '2023-04-21');
    // Assess
    expect(sent).toEqual({ people: 0, mailed: 0, skipped: 0, reminders: 0 });
    expect(mail.sent).toEqual([]);
  });
});
