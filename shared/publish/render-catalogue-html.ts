/**
 * The catalogue's pages: every agency's published reports with a search
 * box (catalogue/index.html), a page per agency, and a page per report
 * version listing its HTML, PDF, JSON, CSV and evidence with their sha256.
 * Built from the publication index lines alone; no report is read.
 */

import { agencyPagePath, agencySearchPath, SITE_PATHS } from '../catalogue/site-paths.js';
import { periodLabelEn, periodLabelTh } from '../thai/fiscal-period.js';
import { formatThaiDate } from '../thai/thai-dates.js';
import { thaiNumber } from '../thai/thai-digits.js';
import { escapeHtml as e } from './escape-html.js';
import type { PublishedEntry } from './published-entry.js';
import { bi, relativeLink, renderCataloguePage } from './render-catalogue-page.js';

type Catalogued = PublishedEntry & { catalogue: NonNullable<PublishedEntry['catalogue']> };

// Made once: a page lists hundreds of dates, and each formatter loads ICU data.
let english: Intl.DateTimeFormat | undefined;
const englishDate = (iso: string) => {
  english ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Bangkok' });
  return english.format(new Date(iso));
};

function roundName(entry: PublishedEntry): string {
  return bi(
    `ปีงบประมาณ พ.ศ. ${thaiNumber(entry.fiscalYear)} ${periodLabelTh(entry.period)} ฉบับที่ ${thaiNumber(entry.version)}`,
    `FY ${entry.fiscalYear} BE, ${periodLabelEn(entry.period)}, version ${entry.version}`,
  );
}

function signOffLine(entry: Catalogued): string {
  const s = entry.catalogue.signOff;
  const who = s.position ? `${s.name} (${s.position})` : s.name;
  return bi(
    `ลงนามโดย ${who} เมื่อ ${formatThaiDate(s.at)}`,
    `Signed off by ${who} on ${englishDate(s.at)}`,
  );
}

function reportCard(from: string, entry: Catalogued, withAgency: boolean): string {
  const agency = withAgency
    ? `<p><a href="${e(relativeLink(from, agencyPagePath(entry.agencyId)))}">${e(entry.agencyNameTh)}</a></p>`
    : '';
  return `<li class="report"><h3><a href="${e(relativeLink(from, entry.catalogue.files.page.path))}">${roundName(entry)}</a></h3>${agency}<p>${bi(`เผยแพร่ ${formatThaiDate(entry.publishedAt)}`, `Published ${englishDate(entry.publishedAt)}`)} · ${signOffLine(entry)}</p></li>`;
}

function newestFirst(a: PublishedEntry, b: PublishedEntry): number {
  return b.fiscalYear - a.fiscalYear || b.period.localeCompare(a.period) || b.version - a.version;
}

export function renderCatalogueIndexHtml(entries: readonly Catalogued[]): string {
  const path = SITE_PATHS.catalogueHtml;
  const agencies = new Map<string, Catalogued[]>();
  for (const entry of [...entries].sort(newestFirst)) {
    agencies.set(entry.agencyId, [...(agencies.get(entry.agencyId) ?? []), entry]);
  }
  const sorted = [...agencies.values()].sort((a, b) =>
    (a[0]?.agencyNameTh ?? '').localeCompare(b[0]?.agencyNameTh ?? '', 'th'),
  );
  const list = sorted
    .map((reports) => {
      const first = reports[0] as Catalogued;
      return `<li class="agency"><h3><a href="${e(relativeLink(path, agencyPagePath(first.agencyId)))}">${e(first.agencyNameTh)}</a></h3><p>${bi(`${thaiNumber(reports.length)} ฉบับ · ล่าสุด`, `${reports.length} published · latest`)} ${roundName(first)}</p></li>`;
    })
    .join('');
  const body = `<section aria-labelledby="search-heading">
<h2 id="search-heading">${bi('ค้นหาในรายงาน', 'Search the reports')}</h2>
<form class="search" role="search" id="search-form" data-terms="${e(relativeLink(path, SITE_PATHS.searchTerms))}" data-shards="${e(relativeLink(path, SITE_PATHS.agencySearchFolder))}" data-root="${e(relativeLink(path, ''))}">
<label for="search-input">${bi('คำค้น (พิมพ์เลขไทยหรือเลขอารบิก มีหรือไม่มีวรรณยุกต์ก็ได้)', 'Words to find (Thai or Arabic digits, tone marks optional)')}</label>
<input id="search-input" name="q" type="search" autocomplete="off" required>
<button type="submit">${bi('ค้นหา', 'Search')}</button>
</form>
<div id="search-status" role="status" aria-live="polite"></div>
<ul class="cards" id="search-results"></ul>
</section>
<section aria-labelledby="agencies-heading">
<h2 id="agencies-heading">${bi('หน่วยงาน', 'Agencies')}</h2>
${list ? `<ul class="cards">${list}</ul>` : `<p>${bi('ยังไม่มีรายงานที่เผยแพร่', 'Nothing has been published yet')}</p>`}
</section>
<section aria-labelledby="data-heading">
<h2 id="data-heading">${bi('ข้อมูลเปิด', 'Open data')}</h2>
<ul>
<li><a href="${e(relativeLink(path, SITE_PATHS.nationalCsv))}">${bi('สรุปภาพรวมทุกรายงาน (CSV)', 'Roll-ups of every report (CSV)')}</a></li>
<li><a href="${e(relativeLink(path, SITE_PATHS.nationalJson))}">${bi('สรุปภาพรวมทุกรายงาน (JSON)', 'Roll-ups of every report (JSON)')}</a></li>
<li><a href="${e(relativeLink(path, SITE_PATHS.dcat))}">${bi('บัญชีข้อมูล DCAT (JSON-LD)', 'DCAT catalogue (JSON-LD)')}</a></li>
<li><a href="${e(relativeLink(path, 'index.json'))}">${bi('รายการไฟล์ทั้งหมดพร้อม sha256', 'Every file with its sha256')}</a></li>
</ul>
</section>`;
  return renderCataloguePage({
    path,
    titleTh: 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตของทุกหน่วยงาน',
    titleEn: "Every agency's anti-corruption monitoring reports",
    body,
    scripts: [SITE_PATHS.searchScript],
  });
}

export function renderAgencyPageHtml(agencyId: string, entries: readonly Catalogued[]): string {
  const path = agencyPagePath(agencyId);
  const own = entries.filter((entry) => entry.agencyId === agencyId).sort(newestFirst);
  const name = own[0]?.agencyNameTh ?? agencyId;
  const nameEn = own[0]?.catalogue.agencyNameEn ?? name;
  const body = `<p class="agency">${bi('รายงานที่เผยแพร่ทุกฉบับ รวมฉบับก่อนหน้า: การแก้ไขไม่ซ่อนสิ่งที่เคยเผยแพร่', 'Every published version, earlier ones too: a correction never hides what was published')}</p>
<form class="search" role="search" id="search-form" data-index="${e(relativeLink(path, agencySearchPath(agencyId)))}" data-root="${e(relativeLink(path, ''))}">
<label for="search-input">${bi('ค้นหาในรายงานของหน่วยงานนี้', "Search this agency's reports")}</label>
<input id="search-input" name="q" type="search" autocomplete="off" required>
<button type="submit">${bi('ค้นหา', 'Search')}</button>
</form>
<div id="search-status" role="status" aria-live="polite"></div>
<ul class="cards" id="search-results"></ul>
<h2>${bi('รายงาน', 'Reports')}</h2>
<ul class="cards">${own.map((entry) => reportCard(path, entry, false)).join('')}</ul>`;
  return renderCataloguePage({
    path,
    titleTh: name,
    titleEn: nameEn,
    body,
    scripts: [SITE_PATHS.searchScript],
  });
}

export function renderReportPageHtml(entry: Catalogued): string {
  const path = entry.catalogue.files.page.path;
  const f = entry.catalogue.files;
  const rows: Array<[string, string, string, string]> = [
    ['รายงาน (HTML)', 'Report (HTML)', entry.paths.html, entry.sha256.html],
    ['รายงาน (PDF)', 'Report (PDF)', entry.paths.pdf, entry.sha256.pdf],
    ['รายงาน (JSON)', 'Report (JSON)', entry.paths.json, entry.sha256.json],
    ['รายโครงการ (CSV)', 'Plan items (CSV)', f.csv.path, f.csv.sha256],
    [
      'หลักฐานการอนุมัติ (HTML)',
      'Approval evidence (HTML)',
      f.evidenceHtml.path,
      f.evidenceHtml.sha256,
    ],
    ['หลักฐานการอนุมัติ (PDF)', 'Approval evidence (PDF)', f.evidencePdf.path, f.evidencePdf.sha256],
  ];
  const files = rows
    .map(
      ([th, en, file, sha]) =>
        `<li><a href="${e(relativeLink(path, file))}">${bi(th, en)}</a><br><code>sha256 ${e(sha)}</code></li>`,
    )
    .join('');
  const r = entry.catalogue.rollup;
  const body = `<p class="agency"><a href="${e(relativeLink(path, agencyPagePath(entry.agencyId)))}">${e(entry.agencyNameTh)}</a></p>
<h2>${roundName(entry)}</h2>
<dl class="meta">
<dt>${bi('เผยแพร่', 'Published')}</dt><dd>${bi(formatThaiDate(entry.publishedAt), englishDate(entry.publishedAt))}</dd>
<dt>${bi('การลงนาม', 'Sign-off')}</dt><dd>${signOffLine(entry)}</dd>
<dt>${bi('จำนวนโครงการ/กิจกรรม', 'Plan items')}</dt><dd>${bi(thaiNumber(r.items), String(r.items))}</dd>
<dt>${bi('งบประมาณที่ใช้ (บาท)', 'Budget used (Baht)')}</dt><dd>${e(r.budgetUsed)}</dd>
</dl>
<h2>${bi('ไฟล์และค่า sha256', 'Files and their sha256')}</h2>
<ul class="cards">${files}</ul>`;
  return renderCataloguePage({
    path,
    titleTh: entry.catalogue.title,
    titleEn: `Monitoring report FY ${entry.fiscalYear} BE, ${periodLabelEn(entry.period)}`,
    body,
  });
}
