/**
 * The frame every catalogue page shares: Thai first with an English switch
 * (both languages are in the page; a small script flips which one shows, so
 * the switch works without a server), the report pages' stylesheet, a skip
 * link and phone-width layout. No inline script: the site may send a strict
 * Content-Security-Policy.
 */

import { SITE_PATHS } from '../catalogue/site-paths.js';
import { escapeHtml as e } from './escape-html.js';
import { REPORT_PAGE_CSS } from './report-page-css.js';

/** The same words in Thai and English; only the chosen language shows. */
export function bi(th: string, en: string): string {
  return `<span class="th" lang="th">${e(th)}</span><span class="en" lang="en">${e(en)}</span>`;
}

const CATALOGUE_CSS = `
html:not([data-ui=en]) .en,html[data-ui=en] .th{display:none}
.bar{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;margin-bottom:1rem}
.bar nav a{margin-inline-end:1rem}
button,input{font:inherit}
button{border:1px solid var(--accent);background:#fff;color:var(--accent);border-radius:.25rem;padding:.25rem .75rem;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
ul.cards{list-style:none;padding:0;margin:0}
ul.cards>li{border-bottom:1px solid var(--line);padding:.6rem 0}
ul.cards h3{margin:0}
ul.cards p{margin:.15rem 0}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 1rem}
form.search label{flex-basis:100%;font-weight:700}
form.search input{flex:1 1 12rem;min-width:0;padding:.35rem .5rem;border:1px solid var(--muted);border-radius:.25rem}
.drop{border:2px dashed var(--muted);border-radius:.5rem;padding:1.5rem 1rem;text-align:center}
.drop.over{border-color:var(--accent);background:var(--shade)}
.ok{color:#1d6b2c;font-weight:700}.bad{color:#9b1c1c;font-weight:700}
`;

export interface CataloguePageOptions {
  /** Where the page lives, relative to the site root (links are made relative to it). */
  path: string;
  titleTh: string;
  titleEn: string;
  body: string;
  /** Extra scripts, as paths relative to the site root. */
  scripts?: readonly string[];
}

export function relativeLink(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to}`;
}

export function renderCataloguePage(options: CataloguePageOptions): string {
  const link = (to: string) => e(relativeLink(options.path, to));
  const scripts = [SITE_PATHS.languageScript, ...(options.scripts ?? [])]
    .map((src) => `<script src="${link(src)}" defer></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(options.titleTh)} · ${e(options.titleEn)}</title>
<style>${REPORT_PAGE_CSS}${CATALOGUE_CSS}</style>
${scripts}
</head>
<body>
<a class="skip" href="#main">${bi('ข้ามไปยังเนื้อหา', 'Skip to content')}</a>
<div class="page">
<div class="bar"><nav aria-label="เมนู / Menu"><a href="${link(SITE_PATHS.catalogueHtml)}">${bi('รายงานทุกหน่วยงาน', 'All agencies')}</a><a href="${link(SITE_PATHS.verifyHtml)}">${bi('ตรวจสอบไฟล์', 'Verify a file')}</a><a href="${link(SITE_PATHS.dcat)}">${bi('ข้อมูลเปิด', 'Open data')}</a></nav><button type="button" id="language-switch" lang="en">English</button></div>
<header class="report-head"><h1>${bi(options.titleTh, options.titleEn)}</h1></header>
<main id="main">
${options.body}
</main>
</div>
</body>
</html>
`;
}
