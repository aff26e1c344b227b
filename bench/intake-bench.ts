/**
 * Intake on the embedded local stack (issue 5): 500 and 1,000 submissions,
 * each size in a fresh process (bench/intake-case.ts) so its peak memory is
 * its own: upload → validated, stored, approval requested. Throughput,
 * p50/p95 latency, peak RSS, and the 1,000 / 500 time ratio (2.00 = linear).
 * Each case runs INTAKE_REPEATS times, the cases interleaved, and every
 * figure is the median of its runs: two fresh processes of the same case
 * differ by up to 15%, as wide as the ratios' band, so one run per case
 * could not settle them. A case that loses an upload, a stored version or an
 * approval request fails the bench.
 */

import { median, runProcess } from './bench-process.js';
import type { IntakeCaseOutput } from './intake-case.js';

export const INTAKE_SIZES = [500, 1000] as const;
/** The 500 uploads again, into a round of this many plan items: what the round's size costs each upload. */
export const LARGE_ROUND_ITEMS = 5000;
/** Submitters uploading at once, each waiting for its result as `acm-report submit` does. */
export const INTAKE_CONCURRENCY = 32;
/** Runs of each case, interleaved (500, 1,000, 500 in 5,000; again …), each figure their median. */
export const INTAKE_REPEATS = 3;

export interface IntakeCaseFigures {
  items: number;
  /** Plan items in the round uploaded into. */
  roundItems: number;
  wallMs: number;
  itemsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  acceptedP50Ms: number;
  notifiedP50Ms: number;
  cpuMsPerUpload: number;
  /** RSS of the warmed-up stack before the timed round. */
  readyRssMiB: number;
  /** Peak RSS before the timed round (synthesis, module loading, warm-up). */
  startupPeakRssMiB: number;
  /** Peak RSS of the process, the timed round included. */
  peakRssMiB: number;
  /** Live heap after the round over before it (after a full GC). */
  retainedHeapMiB: number;
  /** Fresh process to the stack ready and warmed up. */
  startupMs: number;
  /** Opening the timed round, not counted in the upload figures. */
  openMs: number;
  invocationsPerUpload: Record<string, number>;
  checks: IntakeCaseOutput['checks'];
  /** Each run's wall time and CPU per upload, in the order run (the spread behind the medians). */
  runs: Array<{ wallMs: number; cpuMsPerUpload: number }>;
}

export interface IntakeBenchResult {
  concurrency: number;
  /** Runs of each case; every figure is their median. */
  repeats: number;
  cases: IntakeCaseFigures[];
  ratios: {
    sizeRatio: number;
    /** Wall time of 1,000 over 500: 2.00 is linear. */
    time1000over500: number;
    perItemTime1000over500: number;
    cpuPerUpload1000over500: number;
    peakRss1000over500: number;
    retainedHeap1000over500: number;
    /** 500 uploads into a 5,000-item round over the same into a 500-item round: 1.00 = no cost. */
    time5000RoundOver500: number;
    cpuPerUpload5000RoundOver500: number;
  };
}

const MiB = 1024;

type IntakeRunFigures = Omit<IntakeCaseFigures, 'runs'>;

function runIntakeCase(
  log: (line: string) => void,
  size: number,
  roundItems: number,
): IntakeRunFigures {
  log(
    `Intake of ${size} submissions into a round of ${roundItems} plan items on the embedded stack (${INTAKE_CONCURRENCY} submitters at once), in a fresh process …`,
  );
  const { output: o } = runProcess<IntakeCaseOutput>([
    '--expose-gc',
    'bin/run-ts.mjs',
    'bench/intake-case.ts',
    String(size),
    String(INTAKE_CONCURRENCY),
    String(roundItems),
  ]);
  if (o.items !== size || o.checks.accepted !== size || o.checks.storedVersions !== size) {
    throw new Error(`intake case ${size} came back incomplete: ${JSON.stringify(o.checks)}`);
  }
  const figures: IntakeRunFigures = {
    items: o.items,
    roundItems,
    wallMs: o.wallMs,
    itemsPerSecond: o.itemsPerSecond,
    p50Ms: o.latencyMs.p50,
    p95Ms: o.latencyMs.p95,
    maxMs: o.latencyMs.max,
    acceptedP50Ms: o.acceptedMs.p50,
    notifiedP50Ms: o.notifiedMs.p50,
    cpuMsPerUpload: o.cpuMsPerUpload,
    readyRssMiB: o.readyRssKiB / MiB,
    startupPeakRssMiB: o.readyMaxRssKiB / MiB,
    peakRssMiB: o.maxRssKiB / MiB,
    retainedHeapMiB: o.retainedHeapMiB,
    startupMs: o.startupMs,
    openMs: o.openMs,
    invocationsPerUpload: o.invocationsPerUpload,
    checks: o.checks,
  };
  log(
    `  round of ${roundItems} opened in ${(o.openMs / 1000).toFixed(1)} s; uploads ${(o.wallMs / 1000).toFixed(1)} s, ${o.itemsPerSecond.toFixed(1)} items/s, p95 ${o.latencyMs.p95.toFixed(0)} ms`,
  );
  return figures;
}

/**
 * One case's runs as one set of figures: every number the median of its runs
 * (the invocation counts too, by function). `checks` are the first run's:
 * runIntakeCase has refused any run that lost something.
 */
function medianFigures(runs: readonly IntakeRunFigures[]): IntakeCaseFigures {
  const [first] = runs;
  if (!first) throw new Error('an intake case with no run');
  const medians = (rows: ReadonlyArray<Record<string, unknown>>) =>
    Object.fromEntries(
      Object.entries(rows[0] ?? {})
        .filter(([, value]) => typeof value === 'number')
        .map(([key]) => [key, median(rows.map((row) => Number(row[key] ?? 0)))]),
    );
  return {
    ...first,
    ...medians(runs as unknown as Array<Record<string, unknown>>),
    invocationsPerUpload: medians(runs.map((r) => r.invocationsPerUpload)),
    runs: runs.map((r) => ({ wallMs: r.wallMs, cpuMsPerUpload: r.cpuMsPerUpload })),
  } as IntakeCaseFigures;
}

export function runIntakeBench(
  log: (line: string) => void,
  repeats = INTAKE_REPEATS,
): IntakeBenchResult {
  const shapes = [
    ...INTAKE_SIZES.map((size) => ({ size, roundItems: size })),
    { size: INTAKE_SIZES[0], roundItems: LARGE_ROUND_ITEMS },
  ];
  const runs = shapes.map((): IntakeRunFigures[] => []);
  for (let repeat = 1; repeat <= repeats; repeat++) {
    log(`Run ${repeat} of ${repeats} of each case:`);
    shapes.forEach((shape, i) => {
      runs[i]?.push(runIntakeCase(log, shape.size, shape.roundItems));
    });
  }
  const [small, large, largeRound] = runs.map(medianFigures);
  if (!small || !large || !largeRound) throw new Error('missing intake results');
  return {
    concurrency: INTAKE_CONCURRENCY,
    repeats,
    cases: [small, large, largeRound],
    ratios: {
      sizeRatio: large.items / small.items,
      time1000over500: large.wallMs / small.wallMs,
      perItemTime1000over500: large.wallMs / large.items / (small.wallMs / small.items),
      cpuPerUpload1000over500: large.cpuMsPerUpload / small.cpuMsPerUpload,
      peakRss1000over500: large.peakRssMiB / small.peakRssMiB,
      retainedHeap1000over500: large.retainedHeapMiB / small.retainedHeapMiB,
      time5000RoundOver500: largeRound.wallMs / small.wallMs,
      cpuPerUpload5000RoundOver500: largeRound.cpuMsPerUpload / small.cpuMsPerUpload,
    },
  };
}

export function printIntakeBench(result: IntakeBenchResult): void {
  console.log(
    `\nIntake on the embedded stack: upload → validated, stored, approval requested (${result.concurrency} submitters at once, one fresh process per run; each figure the median of ${result.repeats} interleaved runs)`,
  );
  console.table(
    Object.fromEntries(
      result.cases.map((c) => [
        `${c.items} submissions, round of ${c.roundItems}`,
        {
          'wall s': (c.wallMs / 1000).toFixed(1),
          'each run, wall s': c.runs.map((r) => (r.wallMs / 1000).toFixed(1)).join(' / '),
          'each run, CPU ms/upload': c.runs.map((r) => r.cpuMsPerUpload.toFixed(0)).join(' / '),
          'items/s': c.itemsPerSecond.toFixed(1),
          'p50 ms': c.p50Ms.toFixed(0),
          'p95 ms': c.p95Ms.toFixed(0),
          'CPU ms/upload': c.cpuMsPerUpload.toFixed(1),
          'peak RSS MiB': c.peakRssMiB.toFixed(0),
          'before round': c.startupPeakRssMiB.toFixed(0),
          'heap kept MiB': c.retainedHeapMiB.toFixed(1),
          'stored / approvals requested': `${c.checks.storedVersions} / ${c.checks.approvalRequests}`,
        },
      ]),
    ),
  );
  const calls = result.cases.find((c) => c.items === INTAKE_SIZES[1])?.invocationsPerUpload ?? {};
  const perBatch = 1 / (calls.intake ?? 1);
  console.log(
    `Per upload: ${(calls['request-upload'] ?? 0).toFixed(0)} request-upload, ${(calls['get-upload'] ?? 0).toFixed(1)} get-upload polls (the submitter waiting, backing off from 200 ms to 2 s), intake in batches of ${perBatch.toFixed(1)} on average; every upload stored once and its approval requested once, nothing dead-lettered.`,
  );
  console.log(
    `500 submissions into a round of 5,000 plan items / of 500: time ×${result.ratios.time5000RoundOver500.toFixed(2)}, CPU per upload ×${result.ratios.cpuPerUpload5000RoundOver500.toFixed(2)} (1.00 = an upload costs the same in any round; goal ×1.0 ± 0.1)`,
  );
  console.log(
    `1,000 / 500 submissions (2× the items): time ×${result.ratios.time1000over500.toFixed(2)} (2.00 = linear; per item ×${result.ratios.perItemTime1000over500.toFixed(2)}), CPU per upload ×${result.ratios.cpuPerUpload1000over500.toFixed(2)} (goals: time ×2.0 ± 0.2, CPU ×1.0 ± 0.1), peak RSS ×${result.ratios.peakRss1000over500.toFixed(2)}, heap kept ×${result.ratios.retainedHeap1000over500.toFixed(2)}`,
  );
}
