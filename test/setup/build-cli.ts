/**
 * Global setup of the tests that run the CLI as a process: dist/ is built
 * once, before they start, when a source is newer than it. Otherwise each of
 * their processes would find the build stale and rebuild it on its own.
 */

import { buildCli, isBuildFresh } from '../../bin/cli-build.mjs';

export async function setup(): Promise<void> {
  const started = performance.now();
  if (isBuildFresh()) {
    console.log(
      `[setup] CLI build in dist/ is up to date (checked in ${(performance.now() - started).toFixed(0)} ms)`,
    );
    return;
  }
  const { inputs, ms } = await buildCli();
  console.log(`[setup] Built the CLI into dist/: ${inputs} modules in ${ms} ms`);
}
