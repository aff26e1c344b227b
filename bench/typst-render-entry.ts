/**
 * Benchmark peer: Typst (a compiled typesetter, through its Node binding)
 * rendering the report in argv[2] from the markup of typst-report-markup.ts
 * with the same Sarabun files, argv[3] times; prints the time of each render
 * (ms, markup included) and the bytes as one JSON line, and writes the first
 * PDF to argv[4] if given.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { loadSarabun } from '../shared/publish/sarabun-fonts.js';
import type { Report } from '../shared/schemas/report-schema.js';
import { typstReportMarkup } from './typst-report-markup.js';

const [reportPath, runsText, outPath] = process.argv.slice(2);
if (!reportPath) throw new Error('usage: typst-render <report.json> [runs] [out.pdf]');
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
const started = performance.now();
// The same files, read the same way (beside the bundle) as the pdfkit renderer reads them.
const { regular, bold } = loadSarabun();
const compiler = NodeCompiler.create({
  fontArgs: [{ fontBlobs: [Buffer.from(regular), Buffer.from(bold)] }],
});
const createMs = performance.now() - started;
const times: number[] = [];
let bytes = 0;
for (let run = 0; run < Number(runsText ?? 1); run++) {
  const started = performance.now();
  const pdf = compiler.pdf(
    { mainFileContent: typstReportMarkup(report) },
    { creationTimestamp: 0 },
  );
  times.push(performance.now() - started);
  bytes = pdf.byteLength;
  if (outPath && run === 0) writeFileSync(outPath, pdf);
}
console.log(JSON.stringify({ createMs, times, bytes, maxRssKiB: process.resourceUsage().maxRSS }));
