/**
 * The people screen in Chromium against the embedded stack, at phone
 * width: only the coordinator sees its link; the coordinator invites
 * director-1 (the invitation reaches the local SES), gives staff-1 a role,
 * is refused removing their own coordinator role (the last one) with the
 * reason in Thai and English, disables a person, and reads every change in
 * the audit list. The screen has no serious or critical axe violation and
 * no sideways scrolling on a phone.
 */

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localEmail } from '../../local/local-identities.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import {
  horizontalOverflow,
  PHONE_WIDTH as PHONE,
  seriousViolations,
} from '../helpers/browser-page.js';
import { launchChromium } from '../helpers/chromium.js';
import { openPortalAs } from '../portal/portal-page.js';

let stack: LocalStack;
let browser: Browser;
let coordinator: Page;

beforeAll(async () => {
  stack = await startLocalStack({
    agencyId: 'opdc',
    divisions: ['planning', 'legal'],
    invitedLater: ['director-1'],
  });
  browser = await launchChromium();
  coordinator = await openPortalAs(browser, stack.portalUrl ?? '', 'coordinator', PHONE);
  // Disabling asks first; the test answers yes.
  coordinator.on('dialog', (dialog) => void dialog.accept());
}, 180_000);

afterAll(async () => {
  await coordinator?.close().catch(() => undefined);
  await browser?.close();
  await stack?.close();
});

const card = (page: Page, name: string) =>
  page.locator('li.person').filter({ has: page.getByRole('heading', { name, exact: true }) });

describe('The people screen', () => {
  it('shows its link to the coordinator only', async () => {
    const staff = await openPortalAs(browser, stack.portalUrl ?? '', 'staff-1', PHONE);
    try {
      await expect.poll(() => staff.locator('nav.tabs a').count()).toBeGreaterThan(1);
      expect(await staff.locator('nav.tabs a[href="#/people"]').count()).toBe(0);
    } finally {
      await staff.close();
    }
    await coordinator.locator('nav.tabs a[href="#/people"]').click();
    await coordinator.getByRole('heading', { name: 'จัดการผู้ใช้ของหน่วยงาน' }).waitFor();
    await card(coordinator, 'นายปรีชา วงศ์สุจริต').waitFor();
  });

  it('invites director-1 by e-mail, and the invitation reaches the local SES', async () => {
    await coordinator.locator('#invite-email').fill(localEmail('director-1'));
    await coordinator.locator('#invite-name').fill('นางสาวสมใจ ใฝ่ดี');
    await coordinator.locator('#invite-position').fill('ผู้อำนวยการกองยุทธศาสตร์');
    await coordinator
      .locator('form.invite')
      .getByRole('checkbox', { name: 'ผู้อำนวยการกอง', exact: true })
      .check();
    await coordinator.locator('#invite-divisions').fill('planning');
    await coordinator.getByRole('button', { name: 'ส่งคำเชิญทางอีเมล' }).click();
    await coordinator.getByText(`ส่งคำเชิญถึง ${localEmail('director-1')} แล้ว`).waitFor();
    const invited = card(coordinator, 'นางสาวสมใจ ใฝ่ดี');
    await invited.getByText('ได้รับเชิญ ยังไม่ได้เข้าสู่ระบบ').waitFor();
    expect(await invited.getByRole('checkbox', { name: 'ผู้อำนวยการกอง' }).isChecked()).toBe(true);
    const mails = await stack.mail.mails();
    expect(mails.filter((m) => m.destination.to.includes(localEmail('director-1')))).toHaveLength(
      1,
    );
  });

  it('gives staff-1 a role with its toggle', async () => {
    const staff = card(coordinator, 'เจ้าหน้าที่ กอง 1');
    // A click, not check(): the screen shows the box as the server has it, so it may be unchecked
    // again while the change is saved, and check() fails if it looks then. The poll below waits.
    await staff.getByRole('checkbox', { name: 'กลุ่มตรวจสอบภายใน' }).click();
    await expect
      .poll(() => staff.getByRole('checkbox', { name: 'กลุ่มตรวจสอบภายใน' }).isChecked())
      .toBe(true);
    await coordinator.locator('table.people-changes').getByText('เพิ่มบทบาท').waitFor();
  });

  it('refuses the last coordinator their own role, saying why in Thai and English', async () => {
    const self = card(coordinator, 'ผู้ประสานงาน');
    // A click, not uncheck(): the screen refuses the change, so the box may be checked again before
    // Playwright looks, and uncheck() would fail on the very behaviour under test.
    await self.getByRole('checkbox', { name: 'ผู้ประสานงาน' }).click();
    const alert = coordinator.getByRole('alert');
    await alert.getByText(/ผู้ประสานงานคนสุดท้าย/).waitFor();
    await alert.getByText(/last coordinator/).waitFor();
    await expect
      .poll(() => self.getByRole('checkbox', { name: 'ผู้ประสานงาน' }).isChecked())
      .toBe(true);
  });

  it('disables a person, and lists every change with who made it', async () => {
    const leaving = card(coordinator, 'เจ้าหน้าที่ กอง 2');
    await leaving.getByRole('button', { name: /ระงับบัญชี/ }).click();
    await leaving.getByText('ระงับแล้ว').waitFor();
    const rows = coordinator.locator('table.people-changes tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const text = await coordinator.locator('table.people-changes').innerText();
    expect(text).toContain('ระงับบัญชี');
    expect(text).toContain('เชิญ');
    expect(text).toContain('ผู้ประสานงาน');
  });

  it('has no serious accessibility violation and no sideways scroll on a phone', async () => {
    expect(await seriousViolations(coordinator)).toEqual([]);
    expect(await horizontalOverflow(coordinator)).toBeLessThanOrEqual(0);
  });
});
