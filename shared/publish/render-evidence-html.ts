/**
 * The ITA evidence page of one published version: who approved each plan
 * item at each step and when, the agency head's name, position and sign-off
 * time, and the sha256 of every approved version and published file.
 * Names and positions only: no e-mail address, no account id.
 */

import { type EvidenceRecord, ROLE_LABELS } from '../catalogue/evidence-record.js';
import { periodLabelEn, periodLabelTh } from '../thai/fiscal-period.js';
import { thaiNumber } from '../thai/thai-digits.js';
import { escapeHtml as e } from './escape-html.js';
import { bi, relativeLink, renderCataloguePage } from './render-catalogue-page.js';

/** Bangkok time, to the minute: what an assessor compares with a signed memo. */
const timeFormats = new Map<'th' | 'en', Intl.DateTimeFormat>();

export function bangkokTime(iso: string, locale: 'th' | 'en'): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'th' ? 'th-TH-u-ca-buddhist-nu-thai' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Asia/Bangkok',
    });
    timeFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

const who = (p: { name: string; position?: string }) =>
  p.position ? `${p.name} (${p.position})` : p.name;

export function renderEvidenceHtml(record: EvidenceRecord, path: string): string {
  const items = record.items
    .map((item) => {
      const steps = item.steps
        .map(
          (s) =>
            `<li>${bi(ROLE_LABELS[s.role].th, ROLE_LABELS[s.role].en)}: ${e(who(s))}${s.at ? ` · ${bi(bangkokTime(s.at, 'th'), bangkokTime(s.at, 'en'))}` : ''}</li>`,
        )
        .join('');
      const version = item.approvedVersion
        ? bi(
            `ฉบับที่ส่ง ${thaiNumber(item.approvedVersion)}`,
            `submitted version ${item.approvedVersion}`,
          )
        : '';
      return `<li><h3>${e(`${thaiNumber(item.no)}. ${item.title}`)}</h3><p>${version}${item.sha256 ? `<br><code>sha256 ${e(item.sha256)}</code>` : ''}</p><ul>${steps}</ul></li>`;
    })
    .join('');
  const files = record.files
    .map(
      (f) =>
        `<li><a href="${e(relativeLink(path, f.path))}">${e(f.label)}</a><br><code>sha256 ${e(f.sha256)}</code></li>`,
    )
    .join('');
  const body = `<p class="agency">${e(record.agencyNameTh)}</p>
<h2>${bi(`${record.title} ฉบับที่ ${thaiNumber(record.version)}`, `FY ${record.fiscalYear} BE, ${periodLabelEn(record.period)}, version ${record.version}`)}</h2>
<h2 id="head">${bi('การลงนามของหัวหน้าส่วนราชการ', 'Sign-off by the head of agency')}</h2>
<dl class="meta">
<dt>${bi('ชื่อ', 'Name')}</dt><dd>${e(record.head.name)}</dd>
<dt>${bi('ตำแหน่ง', 'Position')}</dt><dd>${e(record.head.position ?? '—')}</dd>
<dt>${bi('ลงนามเมื่อ', 'Signed off')}</dt><dd>${bi(bangkokTime(record.head.at, 'th'), bangkokTime(record.head.at, 'en'))}</dd>
</dl>
<h2>${bi('การอนุมัติรายโครงการ/กิจกรรม', 'Approvals of each plan item')}</h2>
<ul class="cards">${items}</ul>
<h2>${bi('ไฟล์ที่เผยแพร่', 'Published files')}</h2>
<ul class="cards">${files}</ul>
<p>${bi(`${periodLabelTh(record.period)} · ตรวจสอบไฟล์ได้ที่หน้าตรวจสอบไฟล์`, 'Check any copy on the verify page')}</p>`;
  return renderCataloguePage({
    path,
    titleTh: 'หลักฐานการอนุมัติเผยแพร่ (ITA)',
    titleEn: 'Evidence of approval for publication (ITA)',
    body,
  });
}
