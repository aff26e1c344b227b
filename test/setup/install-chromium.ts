/**
 * Global setup of the browser tests: Chromium is found, or installed from
 * Debian's package, before any of them starts, so that the install's minutes
 * never count against a test's timeout (issue 13: the first run on a fresh
 * machine timed out three portal tests while apt-get ran beside them).
 * Says what it found or installed and how long that took.
 *
 * It then starts the one Chromium every browser file connects to
 * (test/helpers/chromium.ts): a launch costs each file a second or two of
 * CPU on a loaded 2-core machine, a connection almost nothing, and each
 * file's pages live in contexts of their own. Teardown closes it.
 */

import { type BrowserServer, chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, ensureChromium, findChromium } from '../../bin/ensure-chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket endpoint, for `chromium.connect`. */
    chromiumEndpoint: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const before = findChromium();
  const path = ensureChromium({ log: (line) => console.log(`[setup] ${line}`) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    before
      ? `[setup] Chromium for the browser tests: ${path} (already installed, checked in ${seconds} s)`
      : `[setup] Chromium for the browser tests: installed Debian's chromium (${path}) in ${seconds} s`,
  );
  // Loopback only: nothing but this machine's test workers may drive it.
  const server: BrowserServer = await chromium.launchServer({
    executablePath: path,
    headless: true,
    args: CHROMIUM_ARGS,
    host: '127.0.0.1',
    port: 0,
  });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
