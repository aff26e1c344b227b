/**
 * The daily digest: one e-mail per person listing every reminder kept for
 * them that day (what waits for their decision, what their division still
 * owes), each with its link. Run once a day by a schedule; a rerun mails
 * nobody twice (one ledger key per day × agency × person).
 */

import type { Round } from '../schemas/round-schema.js';
import { formatThaiDate } from '../thai/thai-dates.js';
import { thaiNumber } from '../thai/thai-digits.js';
import { HEADLINE } from '../workflow/approval-notice.js';
import type { DeliveryLedger, DigestStore, Mailer } from '../workflow/ports.js';
import { sendOnce } from './deliver-notice.js';
import type { DigestEntry } from './digest-entry.js';
import { composeMail, noticeLines, noticeLink } from './notice-mail.js';

export interface DigestPorts {
  digests: DigestStore;
  mailer: Mailer;
  ledger: DeliveryLedger;
  round(agencyId: string, roundId: string): Promise<Round | undefined>;
  portalUrl: string;
  now: () => Date;
}

export interface DigestSent {
  people: number;
  mailed: number;
  skipped: number;
  reminders: number;
}

export async function sendDailyDigest(
  ports: DigestPorts,
  agencies: readonly string[],
  day: string,
): Promise<DigestSent> {
  const entries: DigestEntry[] = [];
  for (const agencyId of agencies) entries.push(...(await ports.digests.listDay(agencyId, day)));
  const byPerson = new Map<string, DigestEntry[]>();
  for (const entry of entries) {
    const who = `${entry.agencyId}#${entry.sub}`;
    byPerson.set(who, [...(byPerson.get(who) ?? []), entry]);
  }
  const rounds = new Map<string, Promise<Round | undefined>>();
  const roundOf = (agencyId: string, roundId: string) => {
    const id = `${agencyId}/${roundId}`;
    if (!rounds.has(id)) rounds.set(id, ports.round(agencyId, roundId));
    return rounds.get(id) as Promise<Round | undefined>;
  };
  const sent: DigestSent = { people: byPerson.size, mailed: 0, skipped: 0, reminders: 0 };
  for (const [who, mine] of byPerson) {
    const first = mine[0];
    if (!first) continue;
    const th: string[] = [`สรุปรายการที่รอท่านประจำวันที่ ${formatThaiDate(day)}`];
    const en: string[] = [`Your daily summary for ${day}: ${mine.length} item(s) waiting`];
    const links: string[] = [];
    for (const [index, { notice }] of mine.entries()) {
      const lines = noticeLines(notice, await roundOf(notice.agencyId, notice.roundId));
      const headline = HEADLINE[notice.kind];
      th.push('', `${thaiNumber(index + 1)}. ${headline.th}`, ...lines.th);
      en.push('', `${index + 1}. ${headline.en}`, ...lines.en);
      links.push(noticeLink(ports.portalUrl, notice));
    }
    const subject = `สรุปรายการที่รอท่าน ${thaiNumber(mine.length)} รายการ / ${mine.length} item(s) waiting for you`;
    const mail = composeMail(first.email, subject, { th, en }, [...new Set(links)]);
    const mailed = await sendOnce(ports, `digest#${day}#${who}`, () => ports.mailer.send(mail));
    if (mailed) sent.mailed += 1;
    else sent.skipped += 1;
    sent.reminders += mine.length;
  }
  return sent;
}
