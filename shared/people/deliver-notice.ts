/**
 * Delivering one notice from the approvals queue to the people it concerns:
 * whoever holds the notice's groups at this moment (so a person removed
 * from a group stops receiving). Requests, returns, escalations and the like
 * are mailed at once, once per notice × person; reminders wait for the
 * person's daily digest. Any failure throws, and the queue retries the whole
 * notice: those already mailed are skipped by the ledger, so nobody gets the
 * same e-mail twice and nobody is left out.
 */

import { createHash } from 'node:crypto';
import type { Round } from '../schemas/round-schema.js';
import type { Notice } from '../workflow/approval-notice.js';
import type { DeliveryLedger, DigestStore, Mailer, PeopleDirectory } from '../workflow/ports.js';
import { bangkokDay } from './digest-entry.js';
import { noticeMail } from './notice-mail.js';
import { isReachable } from './person.js';

export interface DeliverPorts {
  directory: PeopleDirectory;
  mailer: Mailer;
  ledger: DeliveryLedger;
  digests: DigestStore;
  /**
   * The round the notice is about, for names and titles (undefined: codes are printed); given
   * an item, with that plan item alone, so a notice costs the same in any size of round.
   */
  round(agencyId: string, roundId: string, itemNo?: number): Promise<Round | undefined>;
  portalUrl: string;
  now: () => Date;
}

export interface Delivered {
  mailed: number;
  /** Already mailed by an earlier delivery of the same notice. */
  skipped: number;
  digested: number;
  /** Members who cannot be mailed (disabled, or no address). */
  unreachable: number;
}

const DIGESTED: ReadonlySet<Notice['kind']> = new Set(['approval-reminder', 'submission-reminder']);

/** A notice's identity: its content. A redelivered message has the same key. */
export function noticeKey(notice: Notice): string {
  return createHash('sha256').update(JSON.stringify(notice)).digest('hex').slice(0, 32);
}

export async function deliverNotice(ports: DeliverPorts, notice: Notice): Promise<Delivered> {
  const members = await ports.directory.membersOfAll(notice.groups);
  const reachable = members.filter(isReachable);
  const key = noticeKey(notice);
  const result: Delivered = {
    mailed: 0,
    skipped: 0,
    digested: 0,
    unreachable: members.length - reachable.length,
  };
  if (DIGESTED.has(notice.kind)) {
    const day = bangkokDay(notice.sentAt);
    for (const person of reachable) {
      await ports.digests.add({
        day,
        agencyId: notice.agencyId,
        sub: person.sub,
        email: person.email,
        noticeKey: key,
        notice,
      });
      result.digested += 1;
    }
    return result;
  }
  const round = await ports.round(notice.agencyId, notice.roundId, notice.itemNo);
  for (const person of reachable) {
    const sent = await sendOnce(ports, `notice#${notice.agencyId}#${key}#${person.sub}`, () =>
      ports.mailer.send(noticeMail(person.email, notice, round, ports.portalUrl)),
    );
    if (sent) result.mailed += 1;
    else result.skipped += 1;
  }
  return result;
}

/** Sends under a ledger claim: false when it was already sent. */
export async function sendOnce(
  ports: Pick<DeliverPorts, 'ledger' | 'now'>,
  key: string,
  send: () => Promise<void>,
): Promise<boolean> {
  if (!(await ports.ledger.claim(key, ports.now()))) return false;
  try {
    await send();
  } catch (error) {
    // Not sent: let the retry claim it again.
    await ports.ledger.release(key);
    throw error;
  }
  await ports.ledger.markSent(key, ports.now());
  return true;
}
