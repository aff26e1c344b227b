/**
 * A reminder kept for a person's daily digest. Reminders are not mailed one
 * by one: each person gets one e-mail a day listing everything waiting for
 * them. The day is Bangkok's calendar day of the reminder.
 */

import type { Notice } from '../workflow/approval-notice.js';

export interface DigestEntry {
  /** YYYY-MM-DD in Asia/Bangkok. */
  day: string;
  agencyId: string;
  sub: string;
  email: string;
  /** The notice's own key (a digest of its content), so a redelivery adds nothing. */
  noticeKey: string;
  notice: Notice;
}

const BANGKOK_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Bangkok',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Bangkok calendar day of an instant, as YYYY-MM-DD. */
export function bangkokDay(instant: string | Date): string {
  return BANGKOK_DAY.format(new Date(instant));
}
