/**
 * Global setup of the browser tests: Chromium is found, or installed from
 * Debian's package, before any of them starts, so that the install's minutes
 * never count against a test's timeout (issue 13: the first run on a fresh
 * machine timed out three portal tests while apt-get ran beside them).
 * Says what it found or installed and how long that took.
 */

import type { TestProject } from 'vitest/node';
import { ensureChromium, findChromium } from '../../bin/ensure-chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

export function setup(project: TestProject): void {
  const started = performance.now();
  const before = findChromium();
  const path = ensureChromium({ log: (line) => console.log(`[setup] ${line}`) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    before
      ? `[setup] Chromium for the browser tests: ${path} (already installed, checked in ${seconds} s)`
      : `[setup] Chromium for the browser tests: installed Debian's chromium (${path}) in ${seconds} s`,
  );
  project.provide('chromiumPath', path);
}
