/** Running one benchmark case in a fresh process, timed from spawn to exit. */

import { execFileSync } from 'node:child_process';

export interface ProcessRun<T> {
  /** Wall time from spawn to exit, module loading included. */
  wallMs: number;
  output: T;
}

export function runProcess<T>(args: string[]): ProcessRun<T> {
  const started = performance.now();
  const stdout = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  return { wallMs, output: JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as T };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
