/**
 * The portal when things go wrong, in Chromium: a start-up that fails says
 * so (never "loading" for ever); a refused token (401) returns to sign-in
 * and, signed in again, to the page the person was on; one failed
 * background poll shows a quiet notice and keeps the page; a failed
 * `remind` shows the API's problems in Thai and English.
 *
 * The portal is the real build served by the local portal server. The API
 * is a small HTTP server on 127.0.0.1 that stands in for it: the failures
 * tested here (an expired token, one 503 on a poll) are answers the local
 * stack gives on no cue, and only the portal's side of them is under test.
 * The same server stands in for the local user pool's sign-in (InitiateAuth):
 * it does not check tokens, so the ID token it hands out is unsigned.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedPortalBuild } from '../../local/portal-build-cache.js';
import { type PortalSite, startPortalSite } from '../../local/portal-site.js';
import type { RoundStatus } from '../../shared/workflow/round-status.js';
import { launchChromium } from '../helpers/chromium.js';
import { seedRound } from '../helpers/seed-round.js';
import { openPortalAs } from './portal-page.js';

const round = seedRound();
const ROUND_ID = '2566-h1';
const REFUSED = {
  code: 'auth.forbidden',
  path: '$',
  message: { th: 'ไม่มีสิทธิ์ส่งการแจ้งเตือน', en: 'You may not send reminders' },
};

/** How the stand-in API answers the round's status poll and the reminders. */
const api = { status: 'ok' as 'ok' | 'unauthorised' | 'fail-once', remind: 'refuse' as 'refuse' };

function statusBody(): RoundStatus {
  return {
    agencyId: 'opdc',
    roundId: ROUND_ID,
    due: round.due,
    overdue: false,
    counts: {
      missing: round.items.length,
      rejected: 0,
      'awaiting-approval': 0,
      returned: 0,
      expired: 0,
      approved: 0,
    },
    missingDivisions: round.items.map((item) => item.division),
    items: round.items.map((item) => ({
      no: item.no,
      title: item.title,
      division: item.division,
      progress: 'missing',
    })),
  };
}

const SIGN_IN = 'AWSCognitoIdentityProviderService.InitiateAuth';
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An ID token's shape (header.claims.signature), enough for the portal to read its sub. */
const unsignedIdToken = (username: string) =>
  `${base64url({ alg: 'none' })}.${base64url({ sub: `local-${username}`, token_use: 'id' })}.`;

function answer(request: IncomingMessage, response: ServerResponse): void {
  const json = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  response.setHeader('access-control-allow-origin', '*');
  response.setHeader('access-control-allow-headers', 'authorization, content-type, x-amz-target');
  response.setHeader('access-control-allow-methods', 'GET, POST');
  if (request.method === 'OPTIONS') {
    response.writeHead(204).end();
    return;
  }
  if (request.headers['x-amz-target'] === SIGN_IN) {
    json(200, {
      AuthenticationResult: { IdToken: unsignedIdToken('coordinator'), ExpiresIn: 3600 },
    });
    return;
  }
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/agencies/opdc/rounds') {
    const { fiscalYear, period, due, items } = round;
    json(200, {
      rounds: [
        {
          agencyId: 'opdc',
          roundId: ROUND_ID,
          fiscalYear,
          period,
          due,
          items: items.length,
          openedAt: '2023-04-01T00:00:00Z',
        },
      ],
    });
  } else if (path === `/agencies/opdc/rounds/${ROUND_ID}`) {
    json(200, {
      agencyId: 'opdc',
      roundId: ROUND_ID,
      round,
      openedBy: 'coordinator',
      openedAt: '2023-04-01T00:00:00Z',
    });
  } else if (path === `/agencies/opdc/rounds/${ROUND_ID}/status`) {
    if (api.status === 'unauthorised') json(401, { problems: [] });
    else if (api.status === 'fail-once') {
      api.status = 'ok';
      json(503, { problems: [] });
    } else json(200, statusBody());
  } else if (path === `/agencies/opdc/rounds/${ROUND_ID}/reminders`) {
    json(403, { problems: [REFUSED] });
  } else {
    json(404, { problems: [] });
  }
}

let apiServer: Server;
let site: PortalSite;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  apiServer = createServer(answer);
  await new Promise<void>((resolve) => apiServer.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`;
  // The build every stack serves (made once for these sources): the page under test is the real one.
  const { dir } = await cachedPortalBuild();
  site = await startPortalSite(dir, () => ({
    mode: 'local',
    apiUrl,
    publicSiteUrl: 'http://127.0.0.1:9',
    identities: [{ id: 'coordinator', nameTh: 'ผู้ประสานงาน', groups: ['opdc:coordinator'] }],
    signIn: { endpoint: apiUrl, clientId: 'stand-in', password: 'stand-in' },
  }));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const page of pages) await page.close().catch(() => undefined);
  await browser?.close();
  await site?.close();
  await new Promise((resolve) => apiServer?.close(resolve));
});

/**
 * Past the portal's next background poll (the dashboard's status poll runs
 * every few seconds): Playwright's clock fires each timer due in a jump at
 * most once, so one jump is one poll, whatever its interval under a minute.
 */
const NEXT_POLL = '01:00';

/** The coordinator's dashboard, its timers on Playwright's clock. */
async function coordinatorPage(): Promise<Page> {
  api.status = 'ok';
  const page = await openPortalAs(browser, site.url, 'coordinator', undefined, {
    fakeTimers: true,
  });
  pages.push(page);
  await page.locator('#dashboard-title').waitFor();
  return page;
}

describe('Portal errors', () => {
  it('says the portal could not start, with a way to try again, when config.json fails', async () => {
    const page = await browser.newPage();
    pages.push(page);
    // The portal server always serves its config; the failure is injected in the browser's network.
    await page.route('**/config.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(`${site.url}/`);
    const failure = page.locator('.startup-failure');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('เปิดระบบไม่สำเร็จ');
    expect(await failure.textContent()).toContain('config.json: HTTP 503');
    expect(await page.getByText('กำลังโหลด…').count()).toBe(0);
    await failure.getByRole('button', { name: 'ลองใหม่ / Try again' }).waitFor();
  });

  it('keeps the page with a quiet notice when one background poll fails, and clears it after', async () => {
    const page = await coordinatorPage();
    api.status = 'fail-once';
    await page.clock.fastForward(NEXT_POLL);
    const notice = page.locator('.notice.quiet');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('จะลองใหม่อัตโนมัติ');
    expect(await page.locator('#dashboard-title').count()).toBe(1);
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await page.clock.fastForward(NEXT_POLL);
    await notice.waitFor({ state: 'detached' });
  });

  it('shows why the reminders were not sent, in Thai and English', async () => {
    const page = await coordinatorPage();
    await page.getByRole('button', { name: 'ส่งการแจ้งเตือน' }).click();
    const alert = page.locator('.dashboard [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('ส่งการแจ้งเตือนไม่สำเร็จ');
    expect(await alert.textContent()).toContain('ไม่มีสิทธิ์ส่งการแจ้งเตือน / You may not send reminders');
    expect(await page.locator('#dashboard-title').count()).toBe(1);
  });

  it('returns to sign-in on a 401, and after signing in again to the same page', async () => {
    const page = await coordinatorPage();
    await page.locator('a[href="#/coordinator"]').click();
    api.status = 'unauthorised';
    await page.clock.fastForward(NEXT_POLL);
    await page.locator('.session-expired').waitFor();
    expect(page.url()).toMatch(/#\/coordinator$/);
    api.status = 'ok';
    await page.locator('button[data-identity="coordinator"]').click();
    await page.locator('#dashboard-title').waitFor();
    expect(await page.locator('a[aria-current="page"]').getAttribute('href')).toBe('#/coordinator');
    expect(await page.locator('.session-expired').count()).toBe(0);
  });
});
