/**
 * Load (issue 6): 2,000 uploads started at the same moment on the embedded
 * stack, against a baseline of 64 uploads, 8 at a time, measured in the same
 * process (bench/load-case.ts). Nothing may be lost.
 */

import { runProcess } from './bench-process.js';
import type { LoadCaseOutput } from './load-case.js';

export const LOAD_UPLOADS = 2000;

export function runLoadBench(log: (line: string) => void): LoadCaseOutput {
  log(`${LOAD_UPLOADS} uploads at once on the embedded stack, in a fresh process …`);
  const { output } = runProcess<LoadCaseOutput>([
    'bin/run-ts.mjs',
    'bench/load-case.ts',
    String(LOAD_UPLOADS),
  ]);
  if (output.checks.stored !== LOAD_UPLOADS) {
    throw new Error(`load came back incomplete: ${JSON.stringify(output.checks)}`);
  }
  return output;
}

export function printLoadBench(result: LoadCaseOutput): void {
  const row = (f: LoadCaseOutput['load']) => ({
    uploads: f.uploads,
    'at once': f.atOnce,
    'wall s': (f.wallMs / 1000).toFixed(1),
    'uploads/s': f.uploadsPerSecond.toFixed(1),
    'p50 ms': f.latencyMs.p50.toFixed(0),
    'p95 ms': f.latencyMs.p95.toFixed(0),
    'max ms': f.latencyMs.max.toFixed(0),
  });
  console.log(
    '\nLoad: upload requested → stored → director asked, every upload started at once (one process hosts every service and function)',
  );
  console.table({ baseline: row(result.baseline), load: row(result.load) });
  const { checks } = result;
  console.log(
    `Stored ${checks.stored} of ${result.load.uploads} (the generator keeps ${result.openRequests} HTTP requests open at a time; ${result.connectionRetries} sent again after a reset connection), ${checks.executions} executions waiting on their directors, ${checks.deadLettered} dead-lettered; peak RSS ${result.peakRssMiB.toFixed(0)} MiB. p95 ×${(result.load.latencyMs.p95 / result.baseline.latencyMs.p95).toFixed(1)} the baseline's; throughput ×${(result.load.uploadsPerSecond / result.baseline.uploadsPerSecond).toFixed(2)}.`,
  );
}
