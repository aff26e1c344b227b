/**
 * Benchmark entry, bundled by esbuild as a Lambda would be: renders the
 * report in argv[2] to PDF argv[3] times and prints the time of each render
 * (ms) and the peak RSS (KiB) as one JSON line.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { renderReportPdf } from '../shared/publish/render-report-pdf.js';
import type { Report } from '../shared/schemas/report-schema.js';

const [reportPath, runsText, outPath] = process.argv.slice(2);
if (!reportPath) throw new Error('usage: pdf-render <report.json> [runs] [out.pdf]');
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
const times: number[] = [];
let bytes = 0;
for (let run = 0; run < Number(runsText ?? 1); run++) {
  const started = performance.now();
  const pdf = await renderReportPdf(report);
  times.push(performance.now() - started);
  bytes = pdf.byteLength;
  if (outPath && run === 0) writeFileSync(outPath, pdf);
}
console.log(JSON.stringify({ times, bytes, maxRssKiB: process.resourceUsage().maxRSS }));
