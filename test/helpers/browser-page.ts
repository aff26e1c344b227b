/**
 * One page set-up for every browser test: a page at a given width that waits
 * as long as a loaded machine needs, axe-core run in the page and in each
 * preview frame (serious and critical violations only), and sideways
 * overflow, at the page's width or as a 375 px phone shows it.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Frame, Locator, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The width a phone shows a page at in these tests. */
export const PHONE_WIDTH = 375;

export interface OpenPageOptions {
  /**
   * The page's timers run on Playwright's clock (`page.clock`), installed
   * before the page loads: a test moves time on to the page's next poll
   * instead of waiting it out.
   */
  fakeTimers?: boolean;
}

/** A new page of `width` px opened at `url` (with its fonts loaded). */
export async function openPage(
  browser: Browser,
  url: string,
  width = 1280,
  options: OpenPageOptions = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  // A loaded 2-core machine runs a whole stack beside the browser: wait as long as it needs.
  page.setDefaultTimeout(60_000);
  if (options.fakeTimers) await page.clock.install();
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** How long one click is given to show its effect before it is taken as lost. */
const CLICK_EFFECT_MS = 5_000;

/**
 * Clicks `button` until `shown` is visible. On a loaded machine a click can
 * be lost: in one clean-clone run an approver's "เปิดพิจารณา" was clicked,
 * and 60 s later the page still showed it closed, with no request sent and
 * no error. A button that opens something is named for opening it and then
 * renamed (or gone) once open, so this never clicks what it has opened.
 */
export async function clickUntilShown(
  button: Locator,
  shown: Locator,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await shown.isVisible())) {
    if (Date.now() > deadline) throw new Error(`clicked ${button}, and ${shown} never showed`);
    // Bounded: the panel may open (renaming the button) between the look and the click.
    if (await button.isVisible())
      await button.click({ timeout: CLICK_EFFECT_MS }).catch(() => undefined);
    await shown.waitFor({ timeout: CLICK_EFFECT_MS }).catch(() => undefined);
  }
}

async function violationsIn(frame: Frame): Promise<string[]> {
  await frame.addScriptTag({ content: AXE_SOURCE });
  const violations = await frame.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time.
    const axe = (window as any).axe;
    // Frames are checked one by one from the test: axe's own frame messaging waits on frames without axe.
    const result = await axe.run(document, { iframes: false });
    return result.violations as Array<{ id: string; impact: string; nodes: unknown[] }>;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length})`);
}

/**
 * Serious or critical axe-core violations in the page and in each preview
 * frame. The portal's previews are sandboxed (no scripts), so axe cannot run
 * inside them: each frame's document (its srcdoc) is checked as a page of its own.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const found = (await violationsIn(page.mainFrame())).map((v) => `page: ${v}`);
  const frames = page.locator('iframe[srcdoc]');
  const browser = page.context().browser();
  if (!browser) throw new Error('the page has no browser to open a checking page in');
  for (let i = 0; i < (await frames.count()); i += 1) {
    const frame = frames.nth(i);
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    const where = `frame ${(await frame.getAttribute('title')) ?? i}`;
    // A page of its own (browser.newPage(): a page's own context may hold only that page).
    const alone = await browser.newPage();
    try {
      await alone.setContent(html, { waitUntil: 'load' });
      for (const v of await violationsIn(alone.mainFrame())) found.push(`${where}: ${v}`);
    } finally {
      await alone.close();
    }
  }
  return found;
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Sideways overflow of the page as a phone shows it (the viewport is put back after). */
export async function overflowOnPhone(page: Page): Promise<number> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: PHONE_WIDTH, height: 812 });
  const overflow = await horizontalOverflow(page);
  if (before) await page.setViewportSize(before);
  return overflow;
}
