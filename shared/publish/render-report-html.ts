/**
 * The report as one standalone, accessible HTML page: lang="th", a heading
 * per plan item and section, numbered points as nested lists (numbers
 * derived exactly as in the text and PDF), the roll-up table, links to the
 * JSON and PDF, print CSS. Every piece of submitted text is escaped.
 */

import { itemLabel } from '../report/outline-labels.js';
import { reportTitleLines } from '../report/report-title.js';
import { rollupSummaryLines, SUMMARY_HEADING_TH } from '../report/rollup-summary.js';
import { SIGN_OFF_HEADING_TH, signOffLines } from '../report/sign-off-lines.js';
import type { Report } from '../schemas/report-schema.js';
import { formatThaiDate } from '../thai/thai-dates.js';
import { thaiNumber } from '../thai/thai-digits.js';
import { escapeHtml as e } from './escape-html.js';
import { type FontSource, pageStyle } from './html-page-style.js';
import { renderItemSectionHtml } from './render-item-html.js';
import { SUMMARY_TABLE_HEADINGS, summaryTableRows } from './summary-table.js';

export interface HtmlRenderOptions {
  /** Fonts embedded in the page (default) or loaded from `base`. */
  fonts?: FontSource;
  /** Links to the other formats, relative to the page (default: beside it). */
  links?: { json?: string; pdf?: string; index?: string };
}

function summary(report: Report): string {
  const rows = summaryTableRows(report);
  const [no, title, division, amount] = SUMMARY_TABLE_HEADINGS;
  const lines = rollupSummaryLines(report.rollup, report).slice(0, 4);
  return `<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">${SUMMARY_HEADING_TH}</h2>
<ul>${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>
<table><caption>งบประมาณที่ใช้ดำเนินงานแยกตามโครงการ/กิจกรรม</caption>
<colgroup><col class="c-no"><col><col class="c-div"><col class="c-amount"></colgroup>
<thead><tr><th scope="col" class="num">${no}</th><th scope="col">${title}</th><th scope="col">${division}</th><th scope="col" class="num">${amount}</th></tr></thead>
<tbody>${rows.items.map(([n, t, d, a]) => `<tr><td class="num">${e(n ?? '')}</td><th scope="row">${e(t ?? '')}</th><td>${e(d ?? '')}</td><td class="num">${e(a ?? '')}</td></tr>`).join('')}</tbody>
<tfoot><tr><td></td><td>${e(rows.total[1] ?? '')}</td><td></td><td class="num">${e(rows.total[3] ?? '')}</td></tr></tfoot>
</table></section>`;
}

function signOffBlock(report: Report): string {
  if (!report.signOff) return '';
  const [name, position, when] = signOffLines(report.signOff);
  return `<section class="sign-off" aria-labelledby="sign-off-title"><h2 id="sign-off-title">${SIGN_OFF_HEADING_TH}</h2>
<p>${e(name)}<br>${e(position)}<br>${e(when)}</p></section>`;
}

function footer(report: Report): string {
  const facts: Array<[string, string]> = [
    ['หน่วยงาน', report.agency.nameTh],
    [
      'ระยะเวลารายงาน',
      `${formatThaiDate(report.periodStart)} – ${formatThaiDate(report.periodEnd)}`,
    ],
  ];
  if (report.signOff)
    facts.push([
      'ลงนามรับรอง',
      `${report.signOff.name} ${report.signOff.position} (${formatThaiDate(report.signOff.at)})`,
    ]);
  if (report.publishedVersion) facts.push(['ฉบับที่เผยแพร่', thaiNumber(report.publishedVersion)]);
  const provenance = report.items
    .filter((item) => item.provenance)
    .map(
      (item) =>
        `<li>${itemLabel(item.no)} ฉบับที่ ${thaiNumber(item.provenance?.version ?? 0)} · <code>sha256:${e(item.provenance?.sha256 ?? '')}</code></li>`,
    )
    .join('');
  return `<footer class="report-foot"><dl class="meta">${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>${provenance ? `<h2>ที่มาของข้อมูล</h2><ul>${provenance}</ul>` : ''}<p>จัดทำด้วย acm-report · แบบอักษร Sarabun (SIL Open Font License 1.1)</p></footer>`;
}

export function renderReportHtml(report: Report, options: HtmlRenderOptions = {}): string {
  const [line1, line2] = reportTitleLines(report.fiscalYear, report.period);
  const links = { json: 'report.json', pdf: 'report.pdf', ...options.links };
  const toc = report.items
    .map(
      (item) =>
        `<li><a href="#item-${item.no}"><span class="no">${itemLabel(item.no)}</span> ${e(item.title)}</a></li>`,
    )
    .join('');
  const downloads = [
    `<li><a href="${e(links.pdf)}" type="application/pdf">ดาวน์โหลด PDF</a></li>`,
    `<li><a href="${e(links.json)}" type="application/json">ข้อมูล JSON (เปิด)</a></li>`,
    ...(links.index ? [`<li><a href="${e(links.index)}">รายงานทั้งหมด</a></li>`] : []),
  ].join('');
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(report.title)} — ${e(report.agency.nameTh)}</title>
<meta name="description" content="${e(`${report.agency.nameTh} ${report.title}`)}">
<link rel="alternate" type="application/json" href="${e(links.json)}">
<link rel="alternate" type="application/pdf" href="${e(links.pdf)}">
<style>${pageStyle(options.fonts ?? { embed: true })}</style>
</head>
<body>
<a class="skip" href="#main">ข้ามไปยังเนื้อหา</a>
<div class="page">
<header class="report-head">
<p class="agency">${e(report.agency.nameTh)}</p>
<h1><span>${e(line1)}</span> <span>${e(line2)}</span></h1>
<nav class="downloads" aria-label="รูปแบบอื่น"><ul>${downloads}</ul></nav>
</header>
<nav class="toc" aria-label="สารบัญ"><h2>สารบัญ</h2><ol>${toc}<li><a href="#summary">${SUMMARY_HEADING_TH}</a></li></ol></nav>
<main id="main">
${report.items.map(renderItemSectionHtml).join('\n')}
${summary(report)}
${signOffBlock(report)}
</main>
${footer(report)}
</div>
</body>
</html>
`;
}
