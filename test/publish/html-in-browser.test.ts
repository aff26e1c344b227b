/**
 * The published HTML report and index in a real browser (Debian's Chromium
 * through playwright-core): every heading and link is there, nothing
 * overflows sideways on a phone or a desktop, and axe-core finds no serious
 * or critical accessibility violation.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedEntry } from '../../shared/publish/published-entry.js';
import { renderIndexHtml } from '../../shared/publish/render-index-html.js';
import { renderReportHtml } from '../../shared/publish/render-report-html.js';
import { renderReportText } from '../../shared/report/render-report-text.js';
import { horizontalOverflow, openPage, seriousViolations } from '../helpers/browser-page.js';
import { launchChromium } from '../helpers/chromium.js';
import { seedReport } from '../helpers/seed-round.js';
import { serveFolder } from '../helpers/static-server.js';

const report = seedReport();
let browser: Browser;
let site: { url: string; close(): Promise<void> };

const entry: PublishedEntry = {
  agencyId: report.agency.id,
  agencyNameTh: report.agency.nameTh,
  fiscalYear: report.fiscalYear,
  period: report.period,
  version: 1,
  publishedAt: '2023-04-20T10:00:00+07:00',
  paths: { json: 'report.json', pdf: 'report.pdf', html: 'report.html' },
  sha256: { json: 'a'.repeat(64), pdf: 'b'.repeat(64), html: 'c'.repeat(64) },
};

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'acm-report-site-'));
  writeFileSync(
    join(root, 'report.html'),
    renderReportHtml(report, { links: { index: 'index.html' } }),
  );
  writeFileSync(join(root, 'index.html'), renderIndexHtml([entry]));
  writeFileSync(join(root, 'report.json'), JSON.stringify(report));
  writeFileSync(join(root, 'report.pdf'), '%PDF-1.7 placeholder for link checks');
  site = await serveFolder(root);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * The page at `path` as a `width` px screen shows it, opened once and read
 * by every test that looks at it (none changes it): each page costs the
 * browser a context, a load and the fonts' layout, CPU the suite's two cores
 * share with a whole stack.
 */
const opened = new Map<string, Promise<Page>>();
function open(path: string, width: number): Promise<Page> {
  const key = `${width} ${path}`;
  let page = opened.get(key);
  if (!page) {
    page = openPage(browser, `${site.url}/${path}`, width);
    opened.set(key, page);
  }
  return page;
}

describe('HTML report in Chromium', () => {
  it('has lang="th", one h1, a heading per item and section, and the summary', async () => {
    const page = await open('report.html', 1280);
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    expect(await page.locator('h1').count()).toBe(1);
    const h2 = await page.locator('main h2').allTextContents();
    expect(h2.map((t) => t.slice(0, 2))).toEqual(['๑.', '๒.', '๓.', '๔.', '๕.', '๖.', 'สร']);
    expect(await page.locator('main h3').count()).toBe(report.items.length * 5);
  });

  it('links every table-of-contents entry to a heading that exists, and offers PDF and JSON', async () => {
    const page = await open('report.html', 1280);
    const targets = await page
      .locator('nav.toc a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(targets).toHaveLength(report.items.length + 1);
    for (const target of targets) {
      expect(await page.locator(target ?? '#missing').count(), String(target)).toBe(1);
    }
    for (const href of ['report.pdf', 'report.json', 'index.html']) {
      const response = await page.request.get(`${site.url}/${href}`);
      expect(response.status(), href).toBe(200);
    }
  });

  it.each([375, 1280])('does not overflow horizontally at %i px', async (width) => {
    const page = await open('report.html', width);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('reads (innerText) exactly as the text render, numbering and Thai digits included', async () => {
    const page = await open('report.html', 1280);
    // innerText, not textContent: what the page shows, with its line breaks.
    const title = await page.locator('header h1').innerText();
    const items = await page.locator('main section.item').allInnerTexts();
    const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(normalise(`${title}\n${items.join('\n')}`)).toBe(
      normalise(renderReportText(report, { summary: false })),
    );
    expect(await page.locator('#summary').innerText()).toContain('๒๓,๙๖๓,๕๓๕ บาท');
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const page = await open('report.html', 1280);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('HTML index in Chromium', () => {
  it('lists the report with working links to HTML, PDF and JSON', async () => {
    const page = await open('index.html', 1280);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main h2').allTextContents()).toEqual([report.agency.nameTh]);
    const hrefs = await page
      .locator('ul.formats a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['report.html', 'report.pdf', 'report.json']);
    for (const href of hrefs) {
      expect((await page.request.get(`${site.url}/${href}`)).status(), String(href)).toBe(200);
    }
  });

  it.each([375, 1280])('does not overflow horizontally at %i px', async (width) => {
    const page = await open('index.html', width);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const page = await open('index.html', 1280);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
