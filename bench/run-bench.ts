/**
 * `npm run bench`: wall time and peak memory of import + validate + render
 * for the seed round and synthetic rounds of 500 and 2,000 items, each in a
 * fresh process beside a baseline process that only loads the same modules.
 * Then the PDF renderer against headless Chromium (bench/pdf-bench.ts), and
 * every Lambda bundle's size and import time against a naive baseline
 * (bench/function-bundles.ts). Then 500 and 1,000 submissions through
 * intake on the embedded local stack (bench/intake-bench.ts), and last
 * 2,000 uploads started at once against a baseline (bench/load-bench.ts).
 * Last, the CLI's start-up: validate and render as fresh processes against
 * bare Node (bench/cli-startup-bench.ts). Word import (.docx beside the
 * .txt of the same content) runs after the pipeline (bench/word-import-bench.ts).
 * The roll-up of a 5,000-item round beside 500 items follows intake
 * (bench/roll-up-bench.ts).
 * Then the public catalogue for 100 agencies × 2 rounds: a full build beside
 * one publish's update, index bytes, search latency in Chromium
 * (bench/catalogue-bench.ts). Last, notices of a 200-item round through its
 * three steps, e-mailed to each person, beside 50 items (bench/notice-fanout-bench.ts).
 * Prints tables and ratios, and writes every figure to out/bench.json.
 *
 * `npm run bench -- intake pdf` runs only the sections named (their figures
 * go to out/bench-intake-pdf.json, leaving a full run's out/bench.json as it
 * was); `npm run bench -- --help` lists them.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReportOutline } from '../shared/outline/import-report-outline.js';
import { buildReport } from '../shared/report/build-report.js';
import { SEED_TEXT_FILE } from './bench-paths.js';
import { median } from './bench-process.js';
import { printCatalogueBench, runCatalogueBench } from './catalogue-bench.js';
import { printCliStartupBench, runCliStartupBench } from './cli-startup-bench.js';
import { printFunctionBundlesBench, runFunctionBundlesBench } from './function-bundles.js';
import { printIntakeBench, runIntakeBench } from './intake-bench.js';
import { printLoadBench, runLoadBench } from './load-bench.js';
import { printNoticeFanoutBench, runNoticeFanoutBench } from './notice-fanout-bench.js';
import { printPdfBench, runPdfBench } from './pdf-bench.js';
import { printPortalBundleBench, runPortalBundleBench } from './portal-bundle-size.js';
import { printRollUpBench, runRollUpBench } from './roll-up-bench.js';
import { syntheticRoundText } from './synthetic-round.js';
import { printWordImportBench, runWordImportBench } from './word-import-bench.js';

const OUT = 'out';
const WORK = join(OUT, 'bench');

interface CaseResult {
  name: string;
  items: number;
  medianMs: number;
  minMs: number;
  peakRssMiB: number;
  rssOverBaselineMiB: number;
  msPerItem: number;
}

function runCase(file: string, runs: number, mode = ''): { times: number[]; maxRssKiB: number } {
  const output = execFileSync(
    process.execPath,
    ['bin/run-ts.mjs', 'bench/pipeline-case.ts', file, String(runs), mode],
    { encoding: 'utf8' },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
}

const seed = readFileSync(SEED_TEXT_FILE, 'utf8');
const imported = importReportOutline(seed);
if (!imported.ok) throw new Error('the seed does not import');
const log = (line: string) => console.log(line);

/** Import + validate + render of the seed and of 500- and 2,000-item rounds, each in a fresh process. */
function runPipelineBench() {
  if (!imported.ok) throw new Error('the seed does not import');
  const cases: Array<{ name: string; items: number; file: string; runs: number }> = [
    {
      name: 'seed (FY 2566 H1)',
      items: imported.submissions.length,
      file: SEED_TEXT_FILE,
      runs: 20,
    },
  ];
  for (const size of [500, 2000]) {
    const file = join(WORK, `synthetic-${size}.txt`);
    process.stdout.write(`Generating a synthetic round of ${size} items … `);
    writeFileSync(file, syntheticRoundText(imported.round, imported.submissions, size));
    console.log('done');
    cases.push({ name: `synthetic ${size}`, items: size, file, runs: size > 1000 ? 5 : 7 });
  }

  process.stdout.write('Measuring the baseline process (modules loaded, no work) … ');
  const baseline = runCase(SEED_TEXT_FILE, 0, 'baseline');
  const baselineMiB = baseline.maxRssKiB / 1024;
  console.log(`${baselineMiB.toFixed(1)} MiB`);

  const results: CaseResult[] = [];
  for (const c of cases) {
    process.stdout.write(`Running ${c.name} (${c.runs} runs after a warm-up) … `);
    const { times, maxRssKiB } = runCase(c.file, c.runs);
    const medianMs = median(times);
    const peakRssMiB = maxRssKiB / 1024;
    results.push({
      name: c.name,
      items: c.items,
      medianMs,
      minMs: Math.min(...times),
      peakRssMiB,
      rssOverBaselineMiB: peakRssMiB - baselineMiB,
      msPerItem: medianMs / c.items,
    });
    console.log(`${medianMs.toFixed(1)} ms`);
  }

  const [, small, large] = results;
  if (!small || !large) throw new Error('missing synthetic results');
  const ratios = {
    time2000over500: large.medianMs / small.medianMs,
    memory2000over500: large.rssOverBaselineMiB / small.rssOverBaselineMiB,
    sizeRatio: large.items / small.items,
    perItemTime2000over500: large.msPerItem / small.msPerItem,
  };

  console.log(
    '\nimport + validate + render (text), median wall time and peak RSS per fresh process',
  );
  console.table(
    results.map((r) => ({
      case: r.name,
      items: r.items,
      'median ms': r.medianMs.toFixed(1),
      'min ms': r.minMs.toFixed(1),
      'ms/item': r.msPerItem.toFixed(3),
      'peak RSS MiB': r.peakRssMiB.toFixed(1),
      'over baseline MiB': r.rssOverBaselineMiB.toFixed(1),
    })),
  );
  console.log(`baseline process (modules loaded only): ${baselineMiB.toFixed(1)} MiB RSS`);
  console.log(
    `2,000 / 500 items (4× the items): time ×${ratios.time2000over500.toFixed(2)}, memory over baseline ×${ratios.memory2000over500.toFixed(2)}; per-item time ×${ratios.perItemTime2000over500.toFixed(2)} (1.00 = linear)`,
  );
  return { baselineRssMiB: baselineMiB, pipeline: results, ratios };
}

interface Section {
  name: string;
  title: string;
  /** Figures for out/bench.json, keyed as a full run has always written them. */
  run: () => Promise<Record<string, unknown>>;
}

/** In the order a full run goes through them. */
const SECTIONS: Section[] = [
  {
    name: 'pipeline',
    title: 'Import + validate + render (seed, 500 and 2,000 items)',
    run: async () => runPipelineBench(),
  },
  {
    name: 'word',
    title: 'Word import (.docx beside .txt of the same content)',
    run: async () => {
      const wordImport = runWordImportBench(log);
      printWordImportBench(wordImport);
      return { wordImport };
    },
  },
  {
    name: 'pdf',
    title: 'PDF',
    run: async () => {
      if (!imported.ok) throw new Error('the seed does not import');
      const seedReport = buildReport(imported.round, imported.submissions);
      if (!seedReport.ok) throw new Error('the seed report does not build');
      const pdf = await runPdfBench(seedReport.value, log);
      printPdfBench(pdf);
      return { pdf };
    },
  },
  {
    name: 'bundles',
    title: 'Lambda bundles',
    run: async () => {
      const functionBundles = await runFunctionBundlesBench(log);
      printFunctionBundlesBench(functionBundles);
      return { functionBundles };
    },
  },
  {
    name: 'intake',
    title: 'Intake on the embedded stack',
    run: async () => {
      const intake = runIntakeBench(log);
      printIntakeBench(intake);
      return { intake };
    },
  },
  {
    name: 'rollup',
    title: 'Roll-up of a 5,000-item round beside 500 items',
    run: async () => {
      const rollUp = runRollUpBench(log);
      printRollUpBench(rollUp);
      return { rollUp };
    },
  },
  {
    name: 'load',
    title: 'Load on the embedded stack',
    run: async () => {
      const load = runLoadBench(log);
      printLoadBench(load);
      return { load };
    },
  },
  {
    name: 'portal',
    title: 'Web portal bundle',
    run: async () => {
      const portalBundle = await runPortalBundleBench(log);
      printPortalBundleBench(portalBundle);
      return { portalBundle };
    },
  },
  {
    name: 'cli',
    title: 'CLI start-up',
    run: async () => {
      const cliStartup = await runCliStartupBench(log);
      printCliStartupBench(cliStartup);
      return { cliStartup };
    },
  },
  {
    name: 'catalogue',
    title: 'Public catalogue (100 agencies × 2 rounds)',
    run: async () => {
      if (!imported.ok) throw new Error('the seed does not import');
      const catalogue = await runCatalogueBench(imported.round, imported.submissions, log);
      printCatalogueBench(catalogue);
      return { catalogue };
    },
  },
  {
    name: 'notices',
    title: 'Notice fan-out (e-mail to each person, daily digest)',
    run: async () => {
      const noticeFanout = await runNoticeFanoutBench(log);
      printNoticeFanoutBench(noticeFanout);
      return { noticeFanout };
    },
  },
];

const HELP = `npm run bench [-- <section> …]

วัดความเร็วและหน่วยความจำของทุกส่วน หรือเฉพาะส่วนที่ระบุ
Measures every section, or only the sections named, and prints each figure beside its peer.

Sections (a full run goes through them in this order):
${SECTIONS.map((s) => `  ${s.name.padEnd(10)} ${s.title}`).join('\n')}

A full run writes out/bench.json; a run of some sections writes out/bench-<sections>.json.
Example: npm run bench -- intake`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const unknown = args.filter((arg) => !SECTIONS.some((s) => s.name === arg));
if (unknown.length > 0) {
  console.error(
    `ไม่รู้จักส่วน ${unknown.join(', ')} / Unknown section ${unknown.join(', ')}: choose from ${SECTIONS.map((s) => s.name).join(', ')} (see --help).`,
  );
  process.exit(2);
}
const chosen = args.length === 0 ? SECTIONS : SECTIONS.filter((s) => args.includes(s.name));

mkdirSync(WORK, { recursive: true });
const figures: Record<string, unknown> = {};
for (const section of chosen) {
  if (section.name !== 'pipeline') console.log(`\n— ${section.title} —`);
  Object.assign(figures, await section.run());
}

const outFile = join(
  OUT,
  chosen === SECTIONS ? 'bench.json' : `bench-${chosen.map((s) => s.name).join('-')}.json`,
);
const report = { when: new Date().toISOString(), node: process.version, ...figures };
writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWrote ${outFile}`);
