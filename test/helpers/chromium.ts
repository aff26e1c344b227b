/** Debian's Chromium under playwright-core, with the flags a closed network needs. */

import { type Browser, chromium } from 'playwright-core';
// @ts-expect-error: a plain ESM script without type declarations.
import { ensureChromium } from '../../bin/ensure-chromium.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath: string = ensureChromium();
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
