/**
 * One benchmark case, run in a fresh process so peak memory is its own:
 * import + validate + build + render of an outline text file, `runs` times.
 * Prints one JSON line: the time of each run (ms) and the peak RSS (KiB).
 */

import { readFileSync } from 'node:fs';
import { importReportOutline } from '../shared/outline/import-report-outline.js';
import { buildReport } from '../shared/report/build-report.js';
import { renderReportText } from '../shared/report/render-report-text.js';

const [file, runsText, mode] = process.argv.slice(2);
if (!file) throw new Error('usage: pipeline-case.ts <outline.txt> <runs> [baseline]');
const runs = Number(runsText ?? 5);
const text = readFileSync(file, 'utf8');
const times: number[] = [];

if (mode !== 'baseline') {
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const imported = importReportOutline(text);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems.slice(0, 3)));
    const report = buildReport(imported.round, imported.submissions);
    if (!report.ok) throw new Error(JSON.stringify(report.problems.slice(0, 3)));
    const rendered = renderReportText(report.value);
    if (rendered.length === 0) throw new Error('empty render');
    // The first run warms the JIT and is not counted.
    if (run > 0) times.push(performance.now() - started);
  }
}
console.log(JSON.stringify({ times, maxRssKiB: process.resourceUsage().maxRSS }));
