/**
 * PDF rendering (pdfkit, ours) against two peers in the same run: headless
 * Chromium printing the HTML of the same report, and Typst typesetting the
 * same blocks (bench/typst-report-markup.ts). For each: cold (a fresh
 * process, module load included), warm (median of 10 in one process), bytes,
 * and whether the text pdf.js and poppler extract is the text render, with
 * no line broken inside a word. Then our growth from 50 to 200 items. Every
 * side runs as an esbuild bundle, as it would on Lambda.
 */

import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ensureChromium } from '../bin/ensure-chromium.mjs';
import { PDF_BUNDLE_ALIASES } from '../infra/bundling/pdf-bundle-aliases.js';
import { renderReportHtml } from '../shared/publish/render-report-html.js';
import { runningHeader } from '../shared/publish/running-header.js';
import { buildReport } from '../shared/report/build-report.js';
import { renderReportText } from '../shared/report/render-report-text.js';
import type { Report } from '../shared/schemas/report-schema.js';
import { median, runProcess } from './bench-process.js';
import { checkPdfText, type TextCheck } from './pdf-text-check.js';

interface RenderOutput {
  times: number[];
  bytes: number;
  maxRssKiB: number;
}
interface TypstOutput extends RenderOutput {
  createMs: number;
}
interface PrintOutput {
  launchMs: number;
  times: number[];
  bytes: number;
}

const WORK = join('out', 'bench');

/** A report of `size` items, cycling through the seed's real items. */
export function syntheticReport(seed: Report, size: number): Report {
  const items = Array.from({ length: size }, (_, index) => {
    const source = seed.items[index % seed.items.length] as Report['items'][number];
    return { ...source, no: index + 1 };
  });
  const round = {
    type: 'round' as const,
    schemaVersion: 1 as const,
    agency: seed.agency,
    fiscalYear: seed.fiscalYear,
    period: seed.period,
    due: seed.periodEnd,
    approvalChain: ['division-director' as const],
    items: items.map(({ no, kind, title, division }) => ({ no, kind, title, division })),
  };
  const submissions = items.map((item) => ({
    type: 'submission' as const,
    schemaVersion: 1 as const,
    agencyId: seed.agency.id,
    fiscalYear: seed.fiscalYear,
    period: seed.period,
    itemNo: item.no,
    division: item.division,
    objectives: item.objectives,
    progress: item.progress,
    budgetUsed: item.budgetUsed,
    problems: item.problems,
    recommendations: item.recommendations,
  }));
  const report = buildReport(round, submissions);
  if (!report.ok) throw new Error(JSON.stringify(report.problems.slice(0, 2)));
  return report.value;
}

async function bundle(
  entry: string,
  outfile: string,
  external: string[] = [],
  alias: Readonly<Record<string, string>> = {},
): Promise<number> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    alias: { ...alias },
    // pdfkit and fontkit are CommonJS and call require() for Node built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  return statSync(outfile).size;
}

/** Goals of issue 12: ours at least this many times faster than Chromium, warm and cold. */
export const CHROMIUM_GOAL = 3;
/** And a 200-item round at most this many times a 50-item one (4× the items: linear). */
export const GROWTH_GOAL = 4.4;

export interface RendererFigures {
  coldWallMs: number;
  warmMedianMs: number;
  bytes: number;
  text: TextCheck;
}

export interface PdfBenchResult {
  bundleBytes: number;
  pdf: RendererFigures & { coldRenderMs: number; peakRssMiB: number };
  chromium: RendererFigures & { launchMs: number };
  typst: RendererFigures & { createMs: number; coldRenderMs: number };
  ratios: {
    warmChromiumOverPdf: number;
    coldChromiumOverPdf: number;
    warmTypstOverPdf: number;
    coldTypstOverPdf: number;
  };
  growth: Array<{ items: number; medianMs: number; peakRssMiB: number; bytes: number }>;
  growthRatios: { time200over50: number; memory200over50: number };
}

export async function runPdfBench(
  seed: Report,
  log: (line: string) => void,
): Promise<PdfBenchResult> {
  mkdirSync(WORK, { recursive: true });
  log('Bundling the PDF renderer, the Chromium printer and the Typst peer with esbuild …');
  const pdfBundle = join(WORK, 'pdf-render.mjs');
  // With the publish function's aliases: the bench measures what ships.
  const bundleBytes = await bundle('bench/pdf-render-entry.ts', pdfBundle, [], PDF_BUNDLE_ALIASES);
  // The renderer reads Sarabun beside its module, as a Lambda bundle ships it.
  cpSync('shared/publish/fonts', join(WORK, 'fonts'), { recursive: true });
  const printBundle = join(WORK, 'chromium-print.mjs');
  await bundle('bench/chromium-print-entry.ts', printBundle, ['playwright-core']);
  const typstBundle = join(WORK, 'typst-render.mjs');
  // Typst is a native addon (a .node file), loaded from node_modules as is.
  await bundle('bench/typst-render-entry.ts', typstBundle, [
    '@myriaddreamin/typst-ts-node-compiler',
  ]);
  const chromiumPath: string = ensureChromium({ log });

  const reportPath = join(WORK, 'seed-report.json');
  const htmlPath = join(WORK, 'seed-report.html');
  writeFileSync(reportPath, JSON.stringify(seed));
  writeFileSync(htmlPath, renderReportHtml(seed));
  const pdfPath = join(WORK, 'seed-report.pdf');
  const chromiumPdfPath = join(WORK, 'seed-report-chromium.pdf');
  const typstPdfPath = join(WORK, 'seed-report-typst.pdf');

  // Cold runs alternate between the three, so a slow moment of the shared machine lands on each alike.
  log(
    'Cold: 5 fresh processes each of pdfkit and Typst, 3 of Chromium (launch + print), interleaved …',
  );
  const cold: Array<ReturnType<typeof runProcess<RenderOutput>>> = [];
  const typstCold: Array<ReturnType<typeof runProcess<TypstOutput>>> = [];
  const chromiumCold: Array<ReturnType<typeof runProcess<PrintOutput>>> = [];
  for (let run = 0; run < 5; run++) {
    cold.push(runProcess<RenderOutput>([pdfBundle, reportPath, '1']));
    typstCold.push(runProcess<TypstOutput>([typstBundle, reportPath, '1']));
    if (run < 3)
      chromiumCold.push(runProcess<PrintOutput>([printBundle, htmlPath, '1', chromiumPath]));
  }
  log('Warm: 11 renders in one process each (the first is not counted) …');
  const warm = runProcess<RenderOutput>([pdfBundle, reportPath, '11', pdfPath]);
  const typstWarm = runProcess<TypstOutput>([typstBundle, reportPath, '11', typstPdfPath]);
  const chromiumWarm = runProcess<PrintOutput>([
    printBundle,
    htmlPath,
    '11',
    chromiumPath,
    chromiumPdfPath,
  ]);

  log('Extracting each PDF with pdf.js and pdftotext …');
  const source = renderReportText(seed, { summary: false });
  const header = runningHeader(seed);
  const textOf = (path: string) => checkPdfText(readFileSync(path), path, source, header);

  const growth: PdfBenchResult['growth'] = [];
  for (const size of [50, 200]) {
    log(`PDF of a synthetic ${size}-item round: 3 renders in a fresh process …`);
    const path = join(WORK, `synthetic-${size}-report.json`);
    writeFileSync(path, JSON.stringify(syntheticReport(seed, size)));
    const run = runProcess<RenderOutput>([pdfBundle, path, '3']);
    growth.push({
      items: size,
      medianMs: median(run.output.times),
      peakRssMiB: run.output.maxRssKiB / 1024,
      bytes: run.output.bytes,
    });
  }

  const pdf = {
    coldWallMs: median(cold.map((c) => c.wallMs)),
    coldRenderMs: median(cold.map((c) => c.output.times[0] ?? 0)),
    warmMedianMs: median(warm.output.times.slice(1)),
    bytes: warm.output.bytes,
    peakRssMiB: warm.output.maxRssKiB / 1024,
    text: await textOf(pdfPath),
  };
  const chromium = {
    coldWallMs: median(chromiumCold.map((c) => c.wallMs)),
    launchMs: median(chromiumCold.map((c) => c.output.launchMs)),
    warmMedianMs: median(chromiumWarm.output.times.slice(1)),
    bytes: chromiumWarm.output.bytes,
    text: await textOf(chromiumPdfPath),
  };
  const typst = {
    coldWallMs: median(typstCold.map((c) => c.wallMs)),
    createMs: median(typstCold.map((c) => c.output.createMs)),
    coldRenderMs: median(typstCold.map((c) => c.output.times[0] ?? 0)),
    warmMedianMs: median(typstWarm.output.times.slice(1)),
    bytes: typstWarm.output.bytes,
    text: await textOf(typstPdfPath),
  };
  const [small, large] = growth;
  return {
    bundleBytes,
    pdf,
    chromium,
    typst,
    ratios: {
      warmChromiumOverPdf: chromium.warmMedianMs / pdf.warmMedianMs,
      coldChromiumOverPdf: chromium.coldWallMs / pdf.coldWallMs,
      warmTypstOverPdf: typst.warmMedianMs / pdf.warmMedianMs,
      coldTypstOverPdf: typst.coldWallMs / pdf.coldWallMs,
    },
    growth,
    growthRatios: {
      time200over50: (large?.medianMs ?? 0) / (small?.medianMs ?? 1),
      memory200over50: (large?.peakRssMiB ?? 0) / (small?.peakRssMiB ?? 1),
    },
  };
}

function textVerdict(check: TextCheck['pdfjs'] | TextCheck['poppler']): string {
  if ('unavailable' in check) return check.unavailable;
  if (check.exact) return 'exact';
  const { expected, found } = check.firstDifference ?? { expected: '', found: '' };
  return `differs: “${found.slice(0, 24)}” for “${expected.slice(0, 24)}”`;
}

function breaksVerdict(text: TextCheck): string {
  // The extractor that could check the most breaks speaks for the PDF.
  const checks = [text.pdfjs, text.poppler].filter(
    (c): c is TextCheck['pdfjs'] => !('unavailable' in c),
  );
  const best = checks.sort((a, b) => b.breaksChecked - a.breaksChecked)[0];
  if (!best) return 'not checked';
  const unverifiable = best.breaksUnverifiable ? ` (${best.breaksUnverifiable} unverifiable)` : '';
  const inside = best.breaksInsideWords;
  return inside.length === 0
    ? `none of ${best.breaksChecked}${unverifiable}`
    : `${inside.length} of ${best.breaksChecked}${unverifiable}, e.g. “${inside[0]}”`;
}

const faster = (ratio: number) =>
  ratio >= 1 ? `×${ratio.toFixed(1)} faster` : `×${(1 / ratio).toFixed(1)} slower`;

export function printPdfBench(result: PdfBenchResult): void {
  console.log(
    '\nPDF of the seed report: pdfkit (ours, bundled) against headless Chromium printing its HTML and Typst typesetting the same blocks',
  );
  const rows: Array<[string, RendererFigures]> = [
    ['pdfkit (ours)', result.pdf],
    ['Chromium', result.chromium],
    ['Typst', result.typst],
  ];
  console.table(
    Object.fromEntries(
      rows.map(([name, figures]) => [
        name,
        {
          'cold ms': figures.coldWallMs.toFixed(0),
          'warm ms': figures.warmMedianMs.toFixed(1),
          KiB: (figures.bytes / 1024).toFixed(0),
          'pdf.js text': textVerdict(figures.text.pdfjs),
          'poppler text': textVerdict(figures.text.poppler),
          'breaks inside a word': breaksVerdict(figures.text),
        },
      ]),
    ),
  );
  const { ratios } = result;
  console.log(
    `pdfkit against Chromium: ${faster(ratios.warmChromiumOverPdf)} warm and ${faster(ratios.coldChromiumOverPdf)} cold (goal ≥ ${CHROMIUM_GOAL} both: ${ratios.warmChromiumOverPdf >= CHROMIUM_GOAL && ratios.coldChromiumOverPdf >= CHROMIUM_GOAL ? 'met' : 'missed'})`,
  );
  console.log(
    `pdfkit against Typst: ${faster(ratios.warmTypstOverPdf)} warm and ${faster(ratios.coldTypstOverPdf)} cold (Typst: compiler with fonts ${result.typst.createMs.toFixed(0)} ms, first render ${result.typst.coldRenderMs.toFixed(0)} ms; pdfkit first render ${result.pdf.coldRenderMs.toFixed(0)} ms)`,
  );
  console.log(
    `renderer bundle ${(result.bundleBytes / 1024).toFixed(0)} KiB + fonts 162 KiB; peak RSS ${result.pdf.peakRssMiB.toFixed(0)} MiB`,
  );
  console.table(
    result.growth.map((g) => ({
      items: g.items,
      'median ms': g.medianMs.toFixed(0),
      'peak RSS MiB': g.peakRssMiB.toFixed(0),
      'PDF KiB': (g.bytes / 1024).toFixed(0),
    })),
  );
  console.log(
    `200 / 50 items (4× the items): time ×${result.growthRatios.time200over50.toFixed(2)} (goal ≤ ${GROWTH_GOAL}), peak RSS ×${result.growthRatios.memory200over50.toFixed(2)}`,
  );
}
