/**
 * Global setup of the stack and browser files: the local stack's template
 * is synthesised in a process of its own while the unit tests run, so the
 * first stack file finds it cached instead of synthesising it (and two
 * stack files starting side by side do not synthesise it twice). Teardown
 * stops a warm-up still running.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export function setup(): () => void {
  console.log('[setup] Synthesising the local stack template in the background …');
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
