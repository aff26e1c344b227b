/**
 * Benchmark baseline: headless Chromium printing the same report's HTML to
 * PDF (what a Chromium-on-Lambda publisher would do). Launches the browser,
 * prints argv[3] times, prints the time of each print (ms) as one JSON line,
 * and writes the first PDF to argv[5] if given.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../bin/ensure-chromium.mjs';

const [htmlPath, runsText, executablePath, outPath] = process.argv.slice(2);
if (!htmlPath || !executablePath)
  throw new Error('usage: chromium-print <report.html> <runs> <chromium>');
const html = readFileSync(htmlPath, 'utf8');
const launchStarted = performance.now();
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: CHROMIUM_ARGS,
});
const launchMs = performance.now() - launchStarted;
const page = await browser.newPage();
const times: number[] = [];
let bytes = 0;
for (let run = 0; run < Number(runsText ?? 1); run++) {
  const started = performance.now();
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  times.push(performance.now() - started);
  bytes = pdf.byteLength;
  if (outPath && run === 0) writeFileSync(outPath, pdf);
}
await browser.close();
console.log(JSON.stringify({ launchMs, times, bytes }));
