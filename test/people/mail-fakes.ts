/**
 * In-memory stand-ins for the mail ports (people directory, mailer, ledger,
 * digest store), each checked against its port with `satisfies`. They keep
 * what the real adapters keep, so the use cases' logic can be asserted
 * without SES or Cognito; the adapters themselves are tested against
 * cognito-local and dynalite (mail-directory-paging, mail-ledger-on-dynalite).
 */

import { STALE_AFTER_MS } from '../../shared/adapters/dynamodb-delivery-ledger.js';
import type { DigestEntry } from '../../shared/people/digest-entry.js';
import type { Mail } from '../../shared/people/notice-mail.js';
import type { Person } from '../../shared/people/person.js';
import type {
  DeliveryLedger,
  DigestStore,
  Mailer,
  PeopleDirectory,
} from '../../shared/workflow/ports.js';

export function person(id: string, overrides: Partial<Person> = {}): Person {
  return {
    sub: `sub-${id}`,
    username: id,
    email: `${id}@people.example`,
    name: `คุณ ${id}`,
    enabled: true,
    ...overrides,
  };
}

/** Group name → members, changeable between deliveries (a person removed from a group). */
export function fakeDirectory(groups: Record<string, Person[]>) {
  const calls: string[][] = [];
  const directory = {
    async membersOfAll(names: readonly string[]) {
      calls.push([...names]);
      const [first = [], ...rest] = names.map((n) => groups[n] ?? []);
      return first.filter((p) => rest.every((list) => list.some((q) => q.sub === p.sub)));
    },
  } satisfies PeopleDirectory;
  return { directory, groups, calls };
}

/** Keeps every mail sent; `failFor` makes sends to an address throw until cleared. */
export function fakeMailer() {
  const sent: Mail[] = [];
  const failFor = new Set<string>();
  const mailer = {
    async send(mail: Mail) {
      if (failFor.has(mail.to)) throw new Error(`SES refused ${mail.to}`);
      sent.push(mail);
    },
  } satisfies Mailer;
  return { mailer, sent, failFor, to: (address: string) => sent.filter((m) => m.to === address) };
}

/** The DynamoDB ledger's rules: claim when absent, or when a claim is "sending" and stale. */
export function fakeLedger() {
  const rows = new Map<string, { state: 'sending' | 'sent'; claimedAt: number }>();
  const ledger = {
    async claim(key: string, now: Date) {
      const row = rows.get(key);
      if (row && !(row.state === 'sending' && row.claimedAt < now.getTime() - STALE_AFTER_MS)) {
        return false;
      }
      rows.set(key, { state: 'sending', claimedAt: now.getTime() });
      return true;
    },
    async markSent(key: string) {
      const row = rows.get(key);
      if (row) row.state = 'sent';
    },
    async release(key: string) {
      if (rows.get(key)?.state === 'sending') rows.delete(key);
    },
  } satisfies DeliveryLedger;
  return { ledger, rows };
}

/** One row per agency × day × person × notice, as the table keys it. */
export function fakeDigests() {
  const rows = new Map<string, DigestEntry>();
  const digests = {
    async add(entry: DigestEntry) {
      rows.set(`${entry.agencyId}#${entry.day}#${entry.sub}#${entry.noticeKey}`, entry);
    },
    async listDay(agencyId: string, day: string) {
      return [...rows.values()].filter((e) => e.agencyId === agencyId && e.day === day);
    },
  } satisfies DigestStore;
  return { digests, rows };
}
