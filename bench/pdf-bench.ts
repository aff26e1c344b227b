/**
 * PDF rendering against headless Chromium printing the HTML of the same
 * report, in the same run: cold (a fresh process, module load included) and
 * warm (median of 10 in one process), plus growth from 50 to 200 items.
 * Both sides run as esbuild bundles, as they would on Lambda.
 */

import { cpSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ensureChromium } from '../bin/ensure-chromium.mjs';
import { renderReportHtml } from '../shared/publish/render-report-html.js';
import { buildReport } from '../shared/report/build-report.js';
import type { Report } from '../shared/schemas/report-schema.js';
import { median, runProcess } from './bench-process.js';

interface RenderOutput {
  times: number[];
  bytes: number;
  maxRssKiB: number;
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

async function bundle(entry: string, outfile: string, external: string[] = []): Promise<number> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // pdfkit and fontkit are CommonJS and call require() for Node built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  return statSync(outfile).size;
}

export interface PdfBenchResult {
  bundleBytes: number;
  pdf: {
    coldWallMs: number;
    coldRenderMs: number;
    warmMedianMs: number;
    bytes: number;
    peakRssMiB: number;
  };
  chromium: { coldWallMs: number; launchMs: number; warmMedianMs: number; bytes: number };
  ratios: { warmChromiumOverPdf: number; coldChromiumOverPdf: number };
  growth: Array<{ items: number; medianMs: number; peakRssMiB: number; bytes: number }>;
  growthRatios: { time200over50: number; memory200over50: number };
}

export async function runPdfBench(
  seed: Report,
  log: (line: string) => void,
): Promise<PdfBenchResult> {
  mkdirSync(WORK, { recursive: true });
  log('Bundling the PDF renderer and the Chromium printer with esbuild …');
  const pdfBundle = join(WORK, 'pdf-render.mjs');
  const bundleBytes = await bundle('bench/pdf-render-entry.ts', pdfBundle);
  // The renderer reads Sarabun beside its module, as a Lambda bundle ships it.
  cpSync('shared/publish/fonts', join(WORK, 'fonts'), { recursive: true });
  const printBundle = join(WORK, 'chromium-print.mjs');
  await bundle('bench/chromium-print-entry.ts', printBundle, ['playwright-core']);
  const chromiumPath: string = ensureChromium({ log });

  const reportPath = join(WORK, 'seed-report.json');
  const htmlPath = join(WORK, 'seed-report.html');
  writeFileSync(reportPath, JSON.stringify(seed));
  writeFileSync(htmlPath, renderReportHtml(seed));

  log('PDF cold: 5 fresh processes …');
  const cold = Array.from({ length: 5 }, () =>
    runProcess<RenderOutput>([pdfBundle, reportPath, '1']),
  );
  log('PDF warm: 11 renders in one process (the first is not counted) …');
  const warm = runProcess<RenderOutput>([
    pdfBundle,
    reportPath,
    '11',
    join(WORK, 'seed-report.pdf'),
  ]);
  log('Chromium cold: 3 fresh processes, launch + print …');
  const chromiumCold = Array.from({ length: 3 }, () =>
    runProcess<PrintOutput>([printBundle, htmlPath, '1', chromiumPath]),
  );
  log('Chromium warm: 11 prints in one browser (the first is not counted) …');
  const chromiumWarm = runProcess<PrintOutput>([printBundle, htmlPath, '11', chromiumPath]);

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
  };
  const chromium = {
    coldWallMs: median(chromiumCold.map((c) => c.wallMs)),
    launchMs: median(chromiumCold.map((c) => c.output.launchMs)),
    warmMedianMs: median(chromiumWarm.output.times.slice(1)),
    bytes: chromiumWarm.output.bytes,
  };
  const [small, large] = growth;
  return {
    bundleBytes,
    pdf,
    chromium,
    ratios: {
      warmChromiumOverPdf: chromium.warmMedianMs / pdf.warmMedianMs,
      coldChromiumOverPdf: chromium.coldWallMs / pdf.coldWallMs,
    },
    growth,
    growthRatios: {
      time200over50: (large?.medianMs ?? 0) / (small?.medianMs ?? 1),
      memory200over50: (large?.peakRssMiB ?? 0) / (small?.peakRssMiB ?? 1),
    },
  };
}

export function printPdfBench(result: PdfBenchResult): void {
  console.log(
    '\nPDF of the seed report: pdfkit (bundled) against headless Chromium printing its HTML',
  );
  console.table({
    'pdfkit cold (fresh process, wall)': {
      ms: result.pdf.coldWallMs.toFixed(0),
      bytes: result.pdf.bytes,
    },
    'pdfkit warm (median of 10)': {
      ms: result.pdf.warmMedianMs.toFixed(1),
      bytes: result.pdf.bytes,
    },
    'Chromium cold (fresh process, wall)': {
      ms: result.chromium.coldWallMs.toFixed(0),
      bytes: result.chromium.bytes,
    },
    'Chromium warm (median of 10)': {
      ms: result.chromium.warmMedianMs.toFixed(1),
      bytes: result.chromium.bytes,
    },
  });
  console.log(
    `pdfkit is ×${result.ratios.warmChromiumOverPdf.toFixed(1)} faster warm (goal ≥ 3) and ×${result.ratios.coldChromiumOverPdf.toFixed(1)} faster cold (goal ≥ 10); renderer bundle ${(result.bundleBytes / 1024).toFixed(0)} KiB + fonts 162 KiB`,
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
    `200 / 50 items (4× the items): time ×${result.growthRatios.time200over50.toFixed(2)}, peak RSS ×${result.growthRatios.memory200over50.toFixed(2)}`,
  );
}
