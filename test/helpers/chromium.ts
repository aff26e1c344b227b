/** Debian's Chromium under playwright-core, with the flags a closed network needs. */

import { type Browser, chromium } from 'playwright-core';
import { inject } from 'vitest';

/**
 * The stack project's one Chromium, as its global setup found or
 * installed and started it (test/setup/install-chromium.ts): a test never
 * waits for an install or a launch. Each caller gets a connection of its
 * own; closing it closes that caller's pages and contexts, not Chromium.
 */
export async function launchChromium(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  if (!endpoint) {
    throw new Error(
      'No Chromium was provided: run browser tests through vitest.config.ts, whose stack project installs and starts it first',
    );
  }
  return chromium.connect(endpoint);
}
