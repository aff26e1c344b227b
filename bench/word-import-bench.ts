/**
 * Word import against its peer in the same run: the seed report as one
 * .docx (all six items, numbered by Word's multilevel list) and synthetic
 * reports of 125 and 500 items as .docx, each beside the .txt import of the
 * same content. Each case runs in a fresh process (bench/word-import-case.ts):
 * median time and peak memory, the .docx/.txt ratio, and the 500/125 ratio
 * (4× the items; ×4.0 is linear).
 *
 * Alone: node --expose-gc bin/run-ts.mjs bench/word-import-bench.ts
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importReportOutline } from '../shared/outline/import-report-outline.js';
import { buildReport } from '../shared/report/build-report.js';
import { reportBlocks } from '../shared/report/report-blocks.js';
import { reportAsWord } from '../test/fixtures/word/generator/report-as-word.js';
import { seedText } from '../test/helpers/seed-round.js';
import { median, runProcess } from './bench-process.js';
import { syntheticRoundText } from './synthetic-round.js';

const WORK = join('out', 'bench');

export interface WordImportCase {
  name: string;
  items: number;
  docxBytes: number;
  docx: { medianMs: number; peakRssMiB: number };
  txt: { medianMs: number; peakRssMiB: number };
  /** .docx time over .txt time for the same content. */
  docxOverTxt: number;
}

export interface WordImportBench {
  cases: WordImportCase[];
  /** 500-item over 125-item median time (4× the items). */
  docxTime500over125: number;
  txtTime500over125: number;
}

function measure(file: string, runs: number) {
  const { output } = runProcess<{ times: number[]; maxRssKiB: number }>([
    'bin/run-ts.mjs',
    'bench/word-import-case.ts',
    file,
    String(runs),
  ]);
  return { medianMs: median(output.times), peakRssMiB: output.maxRssKiB / 1024 };
}

export function runWordImportBench(log: (line: string) => void): WordImportBench {
  mkdirSync(WORK, { recursive: true });
  const seed = importReportOutline(seedText());
  if (!seed.ok) throw new Error('the seed does not import');
  const sources: Array<{ name: string; text: string; runs: number }> = [
    { name: 'seed (6 items)', text: seedText(), runs: 20 },
    { name: 'synthetic 125', text: syntheticRoundText(seed.round, seed.submissions, 125), runs: 9 },
    { name: 'synthetic 500', text: syntheticRoundText(seed.round, seed.submissions, 500), runs: 7 },
  ];
  const cases: WordImportCase[] = [];
  for (const source of sources) {
    const imported = importReportOutline(source.text);
    if (!imported.ok) throw new Error(`${source.name} does not import`);
    const report = buildReport(imported.round, imported.submissions);
    if (!report.ok) throw new Error(`${source.name} does not build`);
    const slug = source.name.replace(/\W+/g, '-');
    const txtFile = join(WORK, `word-${slug}.txt`);
    const docxFile = join(WORK, `word-${slug}.docx`);
    writeFileSync(txtFile, source.text);
    const docx = reportAsWord(reportBlocks(report.value));
    writeFileSync(docxFile, docx);
    log(`Word import: ${source.name} (${source.runs} runs each, .docx and .txt) …`);
    const docxRun = measure(docxFile, source.runs);
    const txtRun = measure(txtFile, source.runs);
    cases.push({
      name: source.name,
      items: imported.submissions.length,
      docxBytes: docx.byteLength,
      docx: docxRun,
      txt: txtRun,
      docxOverTxt: docxRun.medianMs / txtRun.medianMs,
    });
  }
  const [, small, large] = cases;
  if (!small || !large) throw new Error('missing synthetic cases');
  return {
    cases,
    docxTime500over125: large.docx.medianMs / small.docx.medianMs,
    txtTime500over125: large.txt.medianMs / small.txt.medianMs,
  };
}

export function printWordImportBench(bench: WordImportBench): void {
  console.table(
    bench.cases.map((c) => ({
      case: c.name,
      items: c.items,
      'docx KB': (c.docxBytes / 1024).toFixed(0),
      'docx median ms': c.docx.medianMs.toFixed(1),
      'txt median ms': c.txt.medianMs.toFixed(1),
      'docx/txt': `×${c.docxOverTxt.toFixed(2)}`,
      'docx peak RSS MiB': c.docx.peakRssMiB.toFixed(1),
      'txt peak RSS MiB': c.txt.peakRssMiB.toFixed(1),
    })),
  );
  console.log(
    `500 / 125 items (4× the items): .docx time ×${bench.docxTime500over125.toFixed(2)}, .txt time ×${bench.txtTime500over125.toFixed(2)} (×4.00 = linear)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printWordImportBench(runWordImportBench((line) => console.log(line)));
}
