/**
 * The roll-up of a 5,000-item round (the schema's limit) beside a 500-item
 * one, each in a fresh process (bench/roll-up-case.ts): median wall and CPU
 * time of the roll-up-round function on the embedded stack, and the
 * 5,000 / 500 ratio per item (1.00 = linear).
 */

import { median, runProcess } from './bench-process.js';
import type { RollUpCaseOutput } from './roll-up-case.js';

export const ROLL_UP_SIZES = [500, 5000] as const;
const RUNS = 3;

export interface RollUpBenchResult {
  cases: Array<{ items: number; medianMs: number; minMs: number; cpuMs: number }>;
  /** Per-item time of 5,000 items over 500: 1.00 = linear. */
  perItemTime5000over500: number;
  perItemCpu5000over500: number;
}

export function runRollUpBench(log: (line: string) => void): RollUpBenchResult {
  const cases = ROLL_UP_SIZES.map((items) => {
    log(
      `Roll-up of a ${items}-item round on the embedded stack (${RUNS} runs after a warm-up), in a fresh process …`,
    );
    const { output } = runProcess<RollUpCaseOutput>([
      'bin/run-ts.mjs',
      'bench/roll-up-case.ts',
      String(items),
      String(RUNS),
    ]);
    const figures = {
      items,
      medianMs: median(output.runsMs),
      minMs: Math.min(...output.runsMs),
      cpuMs: median(output.cpuMs),
    };
    log(`  ${(figures.medianMs / 1000).toFixed(1)} s`);
    return figures;
  });
  const [small, large] = cases;
  if (!small || !large) throw new Error('missing roll-up results');
  return {
    cases,
    perItemTime5000over500: large.medianMs / large.items / (small.medianMs / small.items),
    perItemCpu5000over500: large.cpuMs / large.items / (small.cpuMs / small.items),
  };
}

export function printRollUpBench(result: RollUpBenchResult): void {
  console.log('\nRoll-up (roll-up-round on the embedded stack, median of the timed runs)');
  console.table(
    Object.fromEntries(
      result.cases.map((c) => [
        `${c.items} items`,
        {
          'median s': (c.medianMs / 1000).toFixed(2),
          'min s': (c.minMs / 1000).toFixed(2),
          'ms/item': (c.medianMs / c.items).toFixed(2),
          'CPU s': (c.cpuMs / 1000).toFixed(2),
        },
      ]),
    ),
  );
  console.log(
    `5,000 / 500 items: per-item time ×${result.perItemTime5000over500.toFixed(2)}, per-item CPU ×${result.perItemCpu5000over500.toFixed(2)} (1.00 = linear)`,
  );
}
