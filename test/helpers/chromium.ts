/** Debian's Chromium under playwright-core, with the flags a closed network needs. */

import { type Browser, chromium } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../bin/ensure-chromium.mjs';

/**
 * Chromium as the browser project's global setup found or installed it
 * (test/setup/install-chromium.ts): a test never waits for an install.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = inject('chromiumPath');
  if (!executablePath) {
    throw new Error(
      'No Chromium was provided: run browser tests through vitest.config.ts, whose browser project installs it first',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
