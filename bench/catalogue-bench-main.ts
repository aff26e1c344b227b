/** The catalogue bench on its own: `node bin/run-ts.mjs bench/catalogue-bench-main.ts`. */

import { readFileSync } from 'node:fs';
import { importReportOutline } from '../shared/outline/import-report-outline.js';
import { SEED_TEXT_FILE } from './bench-paths.js';
import { printCatalogueBench, runCatalogueBench } from './catalogue-bench.js';

const imported = importReportOutline(readFileSync(SEED_TEXT_FILE, 'utf8'));
if (!imported.ok) throw new Error('the seed does not import');
const figures = await runCatalogueBench(imported.round, imported.submissions, (line) =>
  console.log(line),
);
printCatalogueBench(figures);
