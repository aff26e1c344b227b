/** Debian's Chromium under playwright-core, with the flags a closed network needs. */

import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../bin/ensure-chromium.mjs';

export async function launchChromium(): Promise<Browser> {
  const executablePath: string = ensureChromium();
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
