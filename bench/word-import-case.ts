/**
 * One Word-import bench case in a fresh process, so peak memory is its own:
 * a .docx read (bytes → paragraphs, bench/word-import-bench.ts) and
 * imported, or a .txt of the same content imported, `runs` times after a
 * warm-up. Prints one JSON line: each run's time (ms) and the peak RSS (KiB).
 */

import { readFileSync } from 'node:fs';
import { readDocx } from '../shared/adapters/docx-reader.js';
import { importReportOutline } from '../shared/outline/import-report-outline.js';

const [file, runsText] = process.argv.slice(2);
if (!file) throw new Error('usage: word-import-case.ts <file.docx|file.txt> <runs>');
const runs = Number(runsText ?? 5);
const bytes = new Uint8Array(readFileSync(file));
const times: number[] = [];
for (let run = 0; run <= runs; run += 1) {
  const started = performance.now();
  let imported: ReturnType<typeof importReportOutline>;
  if (file.endsWith('.docx')) {
    const read = await readDocx(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    imported = importReportOutline(read.value);
  } else {
    imported = importReportOutline(new TextDecoder().decode(bytes));
  }
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems.slice(0, 3)));
  // The first run warms the JIT and is not counted.
  if (run > 0) times.push(performance.now() - started);
}
console.log(JSON.stringify({ times, maxRssKiB: process.resourceUsage().maxRSS }));
