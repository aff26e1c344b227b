/**
 * The e-mail a person receives for a notice: Thai first, English below,
 * naming the agency, the round, the plan item (and its division by name),
 * who waits for whom since when, and a deep link to that item in the
 * portal. Plain text and a small HTML part with the same words.
 */

import { escapeHtml as e } from '../publish/escape-html.js';
import type { Round } from '../schemas/round-schema.js';
import { periodLabelEn, periodLabelTh } from '../thai/fiscal-period.js';
import { formatThaiDateTime } from '../thai/thai-dates.js';
import { thaiNumber } from '../thai/thai-digits.js';
import { HEADLINE, type Notice } from '../workflow/approval-notice.js';
import { divisionName } from './division-names.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const ROLE_NAME: Record<string, { th: string; en: string }> = {
  'division-director': { th: 'ผู้อำนวยการกอง', en: 'the division director' },
  'anti-corruption-centre': {
    th: 'ศูนย์ปฏิบัติการต่อต้านการทุจริต (ศปท.)',
    en: 'the anti-corruption centre',
  },
  'internal-audit': { th: 'ผู้ตรวจสอบภายใน', en: 'internal audit' },
  'agency-head': { th: 'หัวหน้าส่วนราชการ', en: 'the agency head' },
  coordinator: { th: 'ผู้ประสานงาน', en: 'the coordinator' },
};

/** Where in the portal the notice's subject is: the approval, the item, or the round. */
export function noticeLink(portalUrl: string, notice: Notice): string {
  const base = portalUrl.replace(/\/+$/, '');
  const { agencyId, roundId } = notice;
  if (notice.approvalId && notice.kind !== 'approval-escalated')
    return `${base}/#/approver/${encodeURIComponent(notice.approvalId)}`;
  if (notice.itemNo !== undefined && notice.kind !== 'approval-escalated')
    return `${base}/#/division/${agencyId}/${roundId}/${notice.itemNo}`;
  return `${base}/#/coordinator/${agencyId}/${roundId}`;
}

interface Lines {
  th: string[];
  en: string[];
}

/** The Thai and English lines that say what a notice is about. */
export function noticeLines(notice: Notice, round: Round | undefined): Lines {
  const th: string[] = [];
  const en: string[] = [];
  const agencyTh = round?.agency.nameTh ?? notice.agencyId;
  const agencyEn = round?.agency.nameEn ?? agencyTh;
  th.push(`หน่วยงาน: ${agencyTh}`);
  en.push(`Agency: ${agencyEn}`);
  if (round) {
    th.push(
      `รอบรายงาน: ประจำปีงบประมาณ พ.ศ. ${thaiNumber(round.fiscalYear)} ${periodLabelTh(round.period)}`,
    );
    en.push(`Round: fiscal year ${round.fiscalYear} BE, ${periodLabelEn(round.period)}`);
  } else {
    th.push(`รอบรายงาน: ${notice.roundId}`);
    en.push(`Round: ${notice.roundId}`);
  }
  if (notice.itemNo !== undefined) {
    const item = round?.items.find((i) => i.no === notice.itemNo);
    const version =
      notice.version === undefined ? { th: '', en: '' } : versionWords(notice.version);
    th.push(`แผนงานลำดับที่ ${thaiNumber(notice.itemNo)}${item ? ` ${item.title}` : ''}${version.th}`);
    en.push(`Plan item ${notice.itemNo}${item ? `: ${item.title}` : ''}${version.en}`);
    if (item && round) {
      const division = divisionName(round, item.division);
      th.push(`หน่วยงานที่รับผิดชอบ: ${division.th}`);
      en.push(`Responsible division: ${division.en}`);
    }
  } else {
    th.push('เรื่อง: การลงนามรับรองรายงานทั้งฉบับ');
    en.push('About: the sign-off of the whole report');
  }
  const role = notice.role ? ROLE_NAME[notice.role] : undefined;
  if (role && notice.waitingSince) {
    th.push(`รอการพิจารณาของ${role.th} ตั้งแต่ ${formatThaiDateTime(notice.waitingSince)}`);
    en.push(
      `Waiting for ${role.en} since ${notice.waitingSince.slice(0, 16).replace('T', ' ')} UTC`,
    );
  }
  if (notice.comment) {
    th.push(`ความเห็น: ${notice.comment}`);
    en.push(`Comment: ${notice.comment}`);
  }
  return { th, en };
}

function versionWords(version: number) {
  return { th: ` (ฉบับที่ ${thaiNumber(version)})`, en: ` (version ${version})` };
}

/** One notice, one recipient. */
export function noticeMail(
  to: string,
  notice: Notice,
  round: Round | undefined,
  portalUrl: string,
): Mail {
  const headline = HEADLINE[notice.kind];
  const where = round?.agency.nameTh ?? notice.agencyId;
  const item = notice.itemNo === undefined ? '' : ` แผนงานลำดับที่ ${thaiNumber(notice.itemNo)}`;
  const lines = noticeLines(notice, round);
  return composeMail(
    to,
    `${headline.th}${item} — ${where} / ${headline.en}`,
    { th: [headline.th, ...lines.th], en: [headline.en, ...lines.en] },
    [noticeLink(portalUrl, notice)],
  );
}

/** A mail of Thai lines, then English lines, then the links (same words in both parts). */
export function composeMail(to: string, subject: string, body: Lines, links: string[]): Mail {
  const text = [
    ...body.th,
    '',
    ...links.map((l) => `เปิดในระบบ / Open in the portal: ${l}`),
    '',
    '—',
    ...body.en,
    '',
  ].join('\n');
  const paragraph = (lines: string[], lang: string) =>
    `<div lang="${lang}">${lines.map((l) => `<p>${e(l)}</p>`).join('')}</div>`;
  const html = `<!doctype html><html lang="th"><body>${paragraph(body.th, 'th')}${links
    .map((l) => `<p><a href="${e(l)}">เปิดในระบบ / Open in the portal</a></p>`)
    .join('')}<hr>${paragraph(body.en, 'en')}</body></html>`;
  return { to, subject, text, html };
}
