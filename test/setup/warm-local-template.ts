/**
 * Global setup of the stack and browser files: the local stack's template
 * is synthesised, and the portal built, in a process of its own while the
 * unit tests run, so the first stack file finds both cached instead of
 * making them (and two stack files starting side by side do not make them
 * twice). Teardown
 * stops a warm-up still running.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export function setup(): () => void {
  console.log(
    '[setup] Synthesising the local stack template and building the portal in the background …',
  );
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin/run-ts.mjs'), join(ROOT, 'local/warm-local-template.ts')],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  child.on('error', (error) => console.error(`[setup] template warm-up failed: ${error.message}`));
  return () => {
    if (child.exitCode === null) child.kill();
  };
}
