/**
 * The PDF case of `npm run bench` on its own (`node --expose-gc
 * bin/run-ts.mjs bench/pdf-bench-main.ts`): the seed report through pdfkit,
 * Chromium and Typst, and our growth from 50 to 200 items.
 */

import { readFileSync } from 'node:fs';
import { importReportOutline } from '../shared/outline/import-report-outline.js';
import { buildReport } from '../shared/report/build-report.js';
import { SEED_TEXT_FILE } from './bench-paths.js';
import { printPdfBench, runPdfBench } from './pdf-bench.js';

const imported = importReportOutline(readFileSync(SEED_TEXT_FILE, 'utf8'));
if (!imported.ok) throw new Error('the seed does not import');
const seed = buildReport(imported.round, imported.submissions);
if (!seed.ok) throw new Error('the seed report does not build');
printPdfBench(await runPdfBench(seed.value, (line) => console.log(line)));
