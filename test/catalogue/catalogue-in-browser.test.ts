/**
 * The catalogue, search and verify pages in Chromium, served from the
 * embedded S3 as CloudFront serves them: search results for a phrase typed
 * with Arabic digits and no tone marks, the English switch, the verify page
 * hashing a dropped file with crypto.subtle, no sideways overflow at 375 px,
 * and no serious or critical axe-core violation.
 */

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  horizontalOverflow,
  openPage,
  PHONE_WIDTH,
  seriousViolations,
} from '../helpers/browser-page.js';
import { launchChromium } from '../helpers/chromium.js';
import { seedRound, seedSubmissions } from '../helpers/seed-round.js';
import { type CatalogueSite, startCatalogueSite } from './catalogue-site.js';
import { SECOND_AGENCY, secondAgencyRound, UNIQUE_QUERY } from './second-agency.js';

let site: CatalogueSite;
let browser: Browser;

beforeAll(async () => {
  site = await startCatalogueSite();
  await site.publish(seedRound(), seedSubmissions(), '2023-04-25T03:00:00.000Z');
  const second = secondAgencyRound();
  await site.publish(second.round, second.submissions, '2023-04-28T04:30:00.000Z');
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const open = (path: string, width: number): Promise<Page> =>
  openPage(browser, `${site.siteUrl}/${path}`, width);

const PAGES = ['catalogue/index.html', 'catalogue/verify.html', 'catalogue/agencies/dga.html'];

describe('Catalogue pages in Chromium', () => {
  it('finds the phrase typed with Arabic digits and no tone marks, and links to the report', async () => {
    const page = await open('catalogue/index.html', PHONE_WIDTH);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.fill('#search-input', UNIQUE_QUERY);
    await page.click('#search-form button[type=submit]');
    await page.locator('#search-results li').first().waitFor();
    const results = await page.locator('#search-results li').allInnerTexts();
    expect(results).toHaveLength(1);
    expect(results[0]).toContain(SECOND_AGENCY.nameTh);
    expect(await page.locator('#search-status').innerText()).toContain('พบ ๑ รายการ');
    // The sharded merged index: the term map, then only the one agency holding the phrase.
    expect(fetched.filter((path) => path.includes('search'))).toEqual([
      '/catalogue/search-terms.json',
      `/catalogue/search/${SECOND_AGENCY.id}.json`,
    ]);
    await page.click('#search-results a');
    await page.waitForURL(/reports\/dga\/2566\/H1\/v1\/index\.html$/);
    await page.close();
  });

  it('says so when nothing matches, and switches to English', async () => {
    const page = await open('catalogue/index.html', 1280);
    await page.click('#language-switch');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.fill('#search-input', 'คำที่ไม่มีในรายงานใดเลย');
    await page.click('#search-form button[type=submit]');
    await page.getByText('No published report has these words').waitFor();
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.close();
  });

  it('verifies a published PDF and refuses an altered copy (sha256 in the browser)', async () => {
    const pdf = Buffer.from(
      await (await fetch(`${site.siteUrl}/reports/opdc/2566/H1/v1/report.pdf`)).arrayBuffer(),
    );
    const page = await open('catalogue/verify.html', PHONE_WIDTH);
    await page.setInputFiles('#verify-input', {
      name: 'report.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await page.locator('#verify-result .ok').waitFor();
    expect(await page.locator('#verify-result').innerText()).toContain('สำนักงาน ก.พ.ร.');
    const altered = Buffer.concat([pdf, Buffer.from('\n%')]);
    await page.setInputFiles('#verify-input', {
      name: 'altered.pdf',
      mimeType: 'application/pdf',
      buffer: altered,
    });
    await page.locator('#verify-result .bad').waitFor();
    await page.close();
  });

  it.each(PAGES)(
    'does not overflow at 375 px and has no serious axe violation: %s',
    async (path) => {
      const page = await open(path, PHONE_WIDTH);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
  );
});
