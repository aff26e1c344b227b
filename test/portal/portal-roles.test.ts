/**
 * The web portal in Chromium against the embedded stack, each role's main
 * path as people would take it: the coordinator opens the round from its
 * plan file and reminds the divisions; a division drops a file with errors,
 * sees each beside its line, fixes it and resubmits; the director returns
 * it with a comment; the division resubmits; the approvals complete (the
 * other five items through the API, as in the seed scenario); the agency
 * head signs off from the report preview; the coordinator sees the round
 * publish, and the public page shows it. Every main screen is checked with
 * axe-core (no serious or critical violation) and at phone width.
 *
 * The published H1 round is where the annual round starts: its tests
 * (test/catalogue/annual-round-in-browser.ts) follow on the same stack.
 */

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import {
  AcmApiClient,
  CONTENT_TYPES,
  postPresigned,
  waitForUpload,
} from '../../shared/adapters/acm-api-client.js';
import { renderReportText } from '../../shared/report/render-report-text.js';
import { describeAnnualRoundFromH1 } from '../catalogue/annual-round-in-browser.js';
import {
  clickUntilShown,
  horizontalOverflow,
  overflowOnPhone,
  seriousViolations,
} from '../helpers/browser-page.js';
import { launchChromium } from '../helpers/chromium.js';
import { seedReport } from '../helpers/seed-round.js';
import { openPortalAs, previewSandbox, screenshotForReadme } from './portal-page.js';

const seed = seedReport();
const ITEM = 4;
const COMMENT = 'กรุณาระบุจำนวนครั้งและผู้เข้าร่วมของการประชุมแต่ละครั้ง';
let stack: LocalStack;
let browser: Browser;
let portal: string;
const pages: Page[] = [];
/** Each page's requests still waiting for an answer, with when they left (failure diagnostics). */
const pending = new Map<Page, Map<unknown, string>>();

/** Item 4 as the standard outline, with a budget to the tenth of a satang and an empty section. */
function itemText(broken: boolean): string {
  const text = renderReportText(
    { ...seed, items: seed.items.filter((i) => i.no === ITEM) },
    { summary: false },
  );
  if (!broken) return text;
  const lines = text.split('\n');
  lines[31] = '๒,๗๒๑,๐๐๐.๕๐๕ บาท';
  lines[35] = '';
  return lines.join('\n');
}

const api = (id: string) => new AcmApiClient(stack.apiUrl, stack.tokenFor(id));

async function open(identity: string, width?: number): Promise<Page> {
  const page = await openPortalAs(browser, portal, identity, width);
  pages.push(page);
  const waiting = new Map<unknown, string>();
  pending.set(page, waiting);
  page.on('request', (r) =>
    waiting.set(r, `${r.method()} ${r.url()} since ${new Date().toISOString()}`),
  );
  page.on('requestfinished', (r) => waiting.delete(r));
  page.on('requestfailed', (r) => {
    waiting.delete(r);
    console.error(`[portal request failed] ${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) console.error(`[portal response] ${r.status()} ${r.url()}`);
  });
  // A handler that throws leaves no request and no message on the page: say so.
  page.on('pageerror', (error) => console.error(`[portal page error] ${error.message}`));
  return page;
}

beforeAll(async () => {
  stack = await startLocalStack({
    agencyId: seed.agency.id,
    divisions: seed.items.map((i) => i.division),
  });
  portal = stack.portalUrl ?? '';
  browser = await launchChromium();
}, 120_000);

// A browser step that times out says only what it waited for; what each
// page showed instead is what tells a slow stack from a refused request.
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const page of pages) {
    const shown = await page
      .locator('body')
      .innerText({ timeout: 5_000 })
      .catch((error: unknown) => `(unreadable: ${String(error)})`);
    const open = [...(pending.get(page)?.values() ?? [])].join('\n');
    console.error(
      `[portal page] ${page.url()} at ${new Date().toISOString()}\n${shown.slice(0, 3_000)}`,
    );
    console.error(`[portal requests unanswered]\n${open || '(none)'}`);
  }
});

afterAll(async () => {
  for (const page of pages) await page.close().catch(() => undefined);
  await browser?.close();
  // The annual round's last uploads may still be between a queue and a function.
  await stack?.settle(60_000).catch(() => undefined);
  await stack?.close();
});

describe('Web portal on the local stack', () => {
  let coordinator: Page;
  let division: Page;
  let director: Page;

  // The roles' pages poll the API and keep rendering while open: the annual
  // round's tests that follow open pages of their own.
  afterAll(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  it('lets the coordinator open the round from its plan file and remind every division', async () => {
    coordinator = await open('coordinator');
    await coordinator.locator('#plan-file').setInputFiles('events/seed/round.json');
    await coordinator.getByText('เปิดรอบรายงาน 2566-h1 แล้ว').waitFor();
    await expect.poll(() => coordinator.locator('table tbody tr').count()).toBe(6);
    await coordinator.getByRole('button', { name: 'ส่งการแจ้งเตือน' }).click();
    await coordinator.getByText('แจ้งเตือนแล้ว: หน่วยงาน ๖ รายการ ผู้พิจารณา ๐ รายการ').waitFor();
    await stack.settle();
    const reminders = stack.inbox.notices.filter((n) => n.kind === 'submission-reminder');
    expect(reminders.map((n) => n.itemNo).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await seriousViolations(coordinator)).toEqual([]);
  });

  it('shows a division its errors beside their lines, and takes the fixed file', async () => {
    // The other five divisions report through the API, as the seed scenario does.
    for (const item of seed.items.filter((i) => i.no !== ITEM)) {
      const client = api(`staff-${item.no}`);
      const presigned = await client.requestUpload('opdc', '2566-h1', item.no, 'json');
      const body = readFileSync(`events/seed/items/${item.no}.json`);
      await postPresigned(presigned.post, body, `${item.no}.json`, CONTENT_TYPES.json);
      expect((await waitForUpload(client, 'opdc', presigned.uploadId)).status).toBe('accepted');
    }

    division = await open(`staff-${ITEM}`, 390);
    const card = division.locator('article.item');
    await card.getByText('ยังไม่ส่งรายงาน').waitFor();
    // Dropped onto the zone, as a person drags it from their desktop.
    await division.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('progress')) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await division.evaluate(
      ({ name, text }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: 'text/plain' }));
        const zone = document.querySelector('.dropzone');
        for (const type of ['dragover', 'drop']) {
          zone?.dispatchEvent(
            new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
        }
      },
      { name: 'item-4.txt', text: itemText(true) },
    );
    const problems = card.locator('.problems');
    await problems.waitFor();
    expect(
      await division.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress),
    ).toBe(true);
    await expect
      .poll(() => card.locator('.state-rejected').textContent())
      .toContain('พบข้อผิดพลาด ๒ รายการ');
    const groups = problems.locator('.problem-group');
    expect(await groups.count()).toBe(2);
    await expect.poll(() => groups.nth(0).textContent()).toContain('บรรทัดที่ ๓๒');
    expect(await groups.nth(0).locator('q').textContent()).toBe('๒,๗๒๑,๐๐๐.๕๐๕ บาท');
    expect(await groups.nth(1).textContent()).toContain('บรรทัดที่ ๓๔');
    expect(await seriousViolations(division)).toEqual([]);
    expect(await horizontalOverflow(division)).toBeLessThanOrEqual(0);
    await screenshotForReadme(division, 'portal-division');

    await card.locator('input[type=file]').setInputFiles({
      name: 'item-4.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(itemText(false)),
    });
    await card.getByText('ไฟล์ผ่านการตรวจสอบ บันทึกเป็นฉบับที่ ๑').waitFor();
    await card.getByText('รอการพิจารณาของผู้อำนวยการกอง').waitFor();
    // The preview is the report's own renderer: the section headings as they print, in a
    // sandbox where nothing may run script (allow-same-origin alone: the portal sizes it).
    expect(await previewSandbox(division)).toBe('allow-same-origin');
    const preview = card.frameLocator('iframe.report-preview');
    await expect
      .poll(() => preview.locator('h3').allTextContents())
      .toContain('๔.๓ งบประมาณที่ใช้ดำเนินงาน');
    expect(await preview.locator('section.section').nth(2).textContent()).toContain(
      '๒,๗๒๑,๐๐๐ บาท',
    );
  });

  it('lets the director read the preview and return the item with a comment', async () => {
    director = await open(`director-${ITEM}`);
    await director.locator('a[href="#/approver"]').click();
    const entry = director.locator('article.approval', { hasText: 'แผนงานลำดับที่ ๔' });
    await entry.waitFor();
    await clickUntilShown(
      entry.getByRole('button', { name: 'เปิดพิจารณา' }),
      director.locator('.decision'),
    );
    const detail = director.locator('.decision');
    await detail.frameLocator('iframe').locator('h2').first().waitFor();
    expect(await seriousViolations(director)).toEqual([]);
    expect(await horizontalOverflow(director)).toBeLessThanOrEqual(0);
    expect(await overflowOnPhone(director)).toBeLessThanOrEqual(0);
    await screenshotForReadme(director, 'portal-approver');
    await detail.getByRole('button', { name: 'ส่งกลับให้แก้ไข' }).click();
    await detail.getByText('กรุณาระบุสิ่งที่ต้องแก้ไขก่อนส่งกลับ').waitFor();
    await detail.locator('textarea').fill(COMMENT);
    await detail.getByRole('button', { name: 'ส่งกลับให้แก้ไข' }).click();
    await director.getByText('บันทึกผลการพิจารณาแล้ว').waitFor();
    await director.locator('#my-history ~ ul li', { hasText: COMMENT }).waitFor();
  });

  it('shows the division the comment, and takes its resubmission', async () => {
    await stack.settle();
    await division.reload();
    const card = division.locator('article.item');
    await card.locator('.state-returned').getByText(COMMENT).waitFor();
    await card.locator('input[type=file]').setInputFiles('events/seed/items/4.json');
    await card.getByText('ไฟล์ผ่านการตรวจสอบ บันทึกเป็นฉบับที่ ๒').waitFor();
  });

  it('shows the coordinator what waits where, and for how long', async () => {
    await stack.settle();
    await coordinator.reload();
    const row = coordinator.locator(`tr[data-item="${ITEM}"]`);
    await row.getByText('รอการพิจารณาของผู้อำนวยการกอง').waitFor();
    expect(
      await coordinator
        .locator('.missing-none, p', { hasText: 'หน่วยงานที่ยังไม่ส่งรายงาน' })
        .textContent(),
    ).toContain('ไม่มี');
    expect(await horizontalOverflow(coordinator)).toBeLessThanOrEqual(0);
    expect(await overflowOnPhone(coordinator)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(coordinator)).toEqual([]);
    await screenshotForReadme(coordinator, 'portal-coordinator');
  });

  it('completes the approvals: the director in the portal, the rest through the API', async () => {
    await director.reload();
    const entry = director.locator('article.approval', { hasText: 'ฉบับที่ ๒' });
    await clickUntilShown(
      entry.getByRole('button', { name: 'เปิดพิจารณา' }),
      director.locator('.decision'),
    );
    // The director reads the preview before approving, as in the step that returned it: a
    // click while the preview loads lands as its frame is being sized (seen three times in
    // full runs: the panel stayed open with no request sent and no error shown).
    const decision = director.locator('.decision');
    await decision.frameLocator('iframe').locator('h2').first().waitFor();
    await decision.getByRole('button', { name: 'อนุมัติ' }).click();
    await director.getByText('บันทึกผลการพิจารณาแล้ว').waitFor();

    const approvers = [
      'director-1',
      'director-2',
      'director-3',
      'director-5',
      'director-6',
      'acc-officer',
    ];
    const deadline = Date.now() + 60_000;
    for (;;) {
      await stack.settle();
      let acted = 0;
      for (const id of approvers) {
        const { approvals } = await api(id).listApprovals('opdc');
        for (const approval of approvals) {
          await api(id).decide(approval.approvalId, 'approve');
          acted += 1;
        }
      }
      const { approvals: head } = await api('agency-head').listApprovals('opdc');
      if (head.length > 0) break;
      if (Date.now() > deadline) throw new Error('the sign-off was never requested');
      if (acted === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  it('lets the agency head sign off from the whole report, as it will print', async () => {
    const head = await open('agency-head');
    const entry = head.locator('article.approval', { hasText: 'ลงนามรับรองรายงานทั้งฉบับ' });
    await clickUntilShown(
      entry.getByRole('button', { name: 'เปิดพิจารณา' }),
      head.locator('.decision'),
    );
    const preview = head.locator('.decision').frameLocator('iframe');
    await expect.poll(() => preview.locator('main h2').count()).toBe(6);
    expect(await preview.locator('h1').textContent()).toContain(
      'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน',
    );
    expect(await seriousViolations(head)).toEqual([]);
    await head.locator('.decision').getByRole('button', { name: 'ลงนามรับรองและเผยแพร่' }).click();
    await head.getByText('บันทึกผลการพิจารณาแล้ว').waitFor();
  });

  it('shows the coordinator the round published, linked to the public page', async () => {
    await stack.settle(60_000);
    await coordinator.reload();
    await coordinator.getByText('เผยแพร่แล้ว ฉบับที่ ๑').waitFor({ timeout: 30_000 });
    await coordinator.getByRole('link', { name: 'ดูรายงานที่เผยแพร่' }).click();
    await coordinator.waitForURL(/reports\/opdc\/2566\/H1\/v1\/report\.html$/);
    expect(await coordinator.locator('h1').textContent()).toContain('รายงานการกำกับติดตาม');
    // Seven headings, and the sign-off's: the head signed in to the user pool,
    // so their name and position come from its token and the report prints them.
    expect(await coordinator.locator('main h2').count()).toBe(8);
    expect(await coordinator.locator('main .sign-off h2').textContent()).toBeTruthy();
  });
});

describeAnnualRoundFromH1(() => ({ stack, open }));
