/**
 * The public index: every published report, newest fiscal year first, with
 * links to its HTML, PDF and JSON and the sha256 of each, grouped by agency.
 * Earlier versions stay listed: a correction never hides what was published.
 */

import { periodLabelTh } from '../thai/fiscal-period.js';
import { formatThaiDate } from '../thai/thai-dates.js';
import { thaiNumber } from '../thai/thai-digits.js';
import { newestRoundFirst } from '../workflow/round-order.js';
import { escapeHtml as e } from './escape-html.js';
import { type FontSource, pageStyle } from './html-page-style.js';
import type { PublishedEntry } from './published-entry.js';

export interface IndexRenderOptions {
  fonts?: FontSource;
  title?: string;
}

function byNewest(a: PublishedEntry, b: PublishedEntry): number {
  return newestRoundFirst(a, b) || b.version - a.version;
}

function entryRow(entry: PublishedEntry, latest: boolean): string {
  const title = `ปีงบประมาณ พ.ศ. ${thaiNumber(entry.fiscalYear)} ${periodLabelTh(entry.period)}`;
  const version = `ฉบับที่ ${thaiNumber(entry.version)}${latest ? '' : ' (ฉบับก่อนหน้า)'}`;
  const links = (['html', 'pdf', 'json'] as const)
    .map(
      (format) =>
        `<li><a href="${e(entry.paths[format])}">${format.toUpperCase()}</a> <code title="sha256">${e(entry.sha256[format].slice(0, 12))}…</code></li>`,
    )
    .join('');
  return `<li class="entry"><h3>${e(title)}</h3><p>${e(version)} · เผยแพร่ ${e(formatThaiDate(entry.publishedAt))}</p><ul class="formats" aria-label="${e(`${title} ${version}`)}">${links}</ul></li>`;
}

export function renderIndexHtml(
  entries: readonly PublishedEntry[],
  options: IndexRenderOptions = {},
): string {
  const title = options.title ?? 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต';
  const agencies = new Map<string, PublishedEntry[]>();
  for (const entry of [...entries].sort(byNewest)) {
    const list = agencies.get(entry.agencyId) ?? [];
    list.push(entry);
    agencies.set(entry.agencyId, list);
  }
  const groups = [...agencies.values()].map((list) => {
    const seen = new Set<string>();
    const rows = list.map((entry) => {
      const round = `${entry.fiscalYear}-${entry.period}`;
      const latest = !seen.has(round);
      seen.add(round);
      return entryRow(entry, latest);
    });
    return `<section aria-labelledby="agency-${e(list[0]?.agencyId ?? '')}"><h2 id="agency-${e(list[0]?.agencyId ?? '')}">${e(list[0]?.agencyNameTh ?? '')}</h2><ol class="entries">${rows.join('')}</ol></section>`;
  });
  const empty = '<p>ยังไม่มีรายงานที่เผยแพร่</p>';
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<link rel="alternate" type="application/json" href="index.json">
<style>${pageStyle(options.fonts ?? { embed: true })}
ol.entries{list-style:none;padding:0}li.entry{border-bottom:1px solid var(--line);padding:.5rem 0}li.entry h3{margin:0}
ul.formats{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0;margin:.25rem 0}</style>
</head>
<body>
<a class="skip" href="#main">ข้ามไปยังเนื้อหา</a>
<div class="page">
<header class="report-head"><h1>${e(title)}</h1><p class="agency">เอกสารเผยแพร่ต่อสาธารณะ · <a href="index.json">ข้อมูล JSON</a></p></header>
<main id="main">
${groups.length ? groups.join('\n') : empty}
</main>
</div>
</body>
</html>
`;
}
