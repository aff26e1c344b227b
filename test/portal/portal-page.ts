/**
 * Driving the portal in Chromium for the browser tests: sign in as a local
 * person and take a screen's screenshot for the README when asked to
 * (UPDATE_SCREENSHOTS=1). The page set-up, axe and overflow checks are the
 * shared ones (test/helpers/browser-page.ts).
 */

import type { Browser, Page } from 'playwright-core';
import { type OpenPageOptions, openPage } from '../helpers/browser-page.js';

export async function openPortalAs(
  browser: Browser,
  portalUrl: string,
  identity: string,
  width = 1280,
  options: OpenPageOptions = {},
): Promise<Page> {
  const page = await openPage(browser, `${portalUrl}/`, width, options);
  await page.locator(`button[data-identity="${identity}"]`).click();
  await page.locator('nav.tabs').waitFor();
  return page;
}

/** The preview frame's sandbox: what its document may do. */
export async function previewSandbox(page: Page): Promise<string | null> {
  return page.locator('iframe.report-preview').first().getAttribute('sandbox');
}

/** Writes docs/images/<name>.png when UPDATE_SCREENSHOTS is set; the README shows them. */
export async function screenshotForReadme(page: Page, name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `docs/images/${name}.png`, fullPage: true });
}
