/**
 * The stylesheet of the public report pages, apart from the font files:
 * pure text, so the portal's preview (in the browser) prints with exactly
 * the rules the published page uses.
 */

/** @font-face rules for Sarabun served from `base` (a URL folder, no trailing slash). */
export function sarabunFaces(base: string): string {
  const url = (file: string) => `url("${base}/${file}") format("truetype")`;
  return `@font-face{font-family:"Sarabun";font-weight:400;font-display:swap;src:${url('Sarabun-Regular.ttf')}}
@font-face{font-family:"Sarabun";font-weight:700;font-display:swap;src:${url('Sarabun-Bold.ttf')}}`;
}

export const REPORT_PAGE_CSS = `
:root{--ink:#1b1f24;--muted:#56606b;--line:#c9d0d8;--accent:#0b4f8a;--shade:#eef2f7}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Sarabun","TH Sarabun New",Tahoma,sans-serif;font-size:1.0625rem;line-height:1.75;color:var(--ink);background:#fff}
.page{max-width:50rem;margin:0 auto;padding:1.25rem 1rem 3rem}
p,li,td,th,h1,h2,h3,a{overflow-wrap:break-word}
a{color:var(--accent)}
a:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
header.report-head{text-align:center;border-bottom:1px solid var(--line);margin-bottom:1.5rem;padding-bottom:1rem}
.agency{color:var(--muted);margin:0}
h1{font-size:1.5rem;line-height:1.5;margin:.5rem 0}
h1 span{display:block}
h2{font-size:1.25rem;line-height:1.5;margin:2rem 0 .5rem}
h3{font-size:1.0625rem;margin:1rem 0 .25rem}
.no{font-variant-numeric:tabular-nums}
ol.outline{list-style:none;margin:0;padding-inline-start:1.4rem}
ol.outline li{margin:0}
ol.outline p{margin:.15rem 0}
/* Hanging indent: the number sits in the indent, the text's lines align. */
.d1{--hang:3.3em}.d2{--hang:1.7em}.d3{--hang:2.6em}.d4{--hang:2.1em}
p.hang{padding-inline-start:var(--hang);text-indent:calc(-1 * var(--hang))}
p.hang>.no{display:inline-block;min-width:calc(var(--hang) - .3em);text-indent:0}
p.cont{margin-inline-start:var(--hang)}
p.lead{margin:.25rem 0 .25rem 1.4rem}
.separator{text-align:center;color:var(--muted);letter-spacing:.3em}
nav.downloads ul,nav.toc ol{padding:0;list-style:none}
nav.downloads ul{display:flex;flex-wrap:wrap;gap:.5rem 1rem;justify-content:center;margin:.5rem 0 0}
nav.toc{background:var(--shade);padding:.75rem 1rem;border-radius:.25rem}
nav.toc h2{margin:0 0 .25rem;font-size:1.0625rem}
nav.toc li{margin:.2rem 0}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:1rem 0}
caption{text-align:start;font-weight:700;margin-bottom:.25rem}
th,td{border:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:start}
th{background:var(--shade)}
td.num,th.num{text-align:end}
td.num{white-space:nowrap}
col.c-no{width:2.75rem}col.c-div{width:26%}col.c-amount{width:9rem}
tfoot td{font-weight:700;background:var(--shade)}
section.sign-off{margin-top:2rem;text-align:center}section.sign-off h2{font-size:1rem}
footer.report-foot{border-top:1px solid var(--line);margin-top:2rem;padding-top:1rem;color:var(--muted);font-size:.9375rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.meta dt{font-weight:700}dl.meta dd{margin:0;overflow-wrap:anywhere}
code{font-size:.875em;overflow-wrap:anywhere}
@media (max-width:30rem){body{font-size:1rem}col.c-no{width:2rem}col.c-div{width:26%}col.c-amount{width:6.2rem}th,td{padding:.25rem .3rem}}
@page{size:A4;margin:2cm 1.5cm 2cm 2.5cm}
@media print{body{font-size:14pt}.skip,nav.toc,nav.downloads{display:none}.page{max-width:none;padding:0}a{color:inherit;text-decoration:none}section.item{break-inside:auto}h2,h3{break-after:avoid}tr{break-inside:avoid}}
`;
