/**
 * The annual round continues the six-month one, in Chromium against the
 * local stack: once the seed's H1 round is published, the coordinator's
 * round list offers "open the annual round from H1" and opens it; every
 * division sends its carried-over draft, one of them with one progress
 * point changed (through the portal); the director of that division sees
 * exactly that change marked, and the director of an unchanged item sees
 * that nothing changed. Each screen is checked with axe-core and at phone
 * width.
 *
 * The same publication shows the open data's IRIs: the publish function was
 * given the site's URL (SITE_URL), so every IRI in the DCAT catalogue is
 * absolute under the site and resolves there.
 *
 * These tests run on the stack test/portal/portal-roles.test.ts has just
 * published the seed's H1 round on, through the portal and the API: a stack
 * of their own, and the whole seed round played again on it, would cost the
 * suite's two cores half a minute for the same starting point.
 */

import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/local-stack.js';
import {
  AcmApiClient,
  CONTENT_TYPES,
  postPresigned,
  waitForUpload,
} from '../../shared/adapters/acm-api-client.js';
import type { Submission } from '../../shared/schemas/submission-schema.js';
import { type CarriedDraft, carriedDraftKey } from '../../shared/workflow/carry-over.js';
import {
  clickUntilShown,
  horizontalOverflow,
  overflowOnPhone,
  PHONE_WIDTH,
  seriousViolations,
} from '../helpers/browser-page.js';
import { seedReport } from '../helpers/seed-round.js';

const seed = seedReport();
const FY = '2566-fy';
const CHANGED_ITEM = 3;
const UNCHANGED_ITEM = 1;
/** The division that sends its carried draft from the portal's card, as it is. */
const FROM_CARD_ITEM = 2;
const NEW_TEXT = 'ดำเนินการครบทั้ง ๑๒ เดือน จัดประชุมคณะทำงานรวม ๔ ครั้ง';

/** What the tests need of the file that published H1: its stack, and a page as a person. */
export interface PublishedH1 {
  stack: LocalStack;
  open(identity: string, width?: number): Promise<Page>;
}

let stack: LocalStack;
let open: PublishedH1['open'];

async function carriedDraft(itemNo: number): Promise<CarriedDraft> {
  const object = await stack.s3.send(
    new GetObjectCommand({
      Bucket: stack.incomingBucket,
      Key: carriedDraftKey(seed.agency.id, FY, itemNo),
    }),
  );
  return JSON.parse((await object.Body?.transformToString()) ?? '{}') as CarriedDraft;
}

/** The division's one edit: the first progress point's text. */
function withFirstPointChanged(submission: Submission): Submission {
  const [first, ...rest] = submission.progress.points ?? [];
  return {
    ...submission,
    progress: { ...submission.progress, points: [{ ...first, text: NEW_TEXT }, ...rest] },
  };
}

async function sendThroughApi(submission: Submission): Promise<void> {
  const client = new AcmApiClient(stack.apiUrl, stack.tokenFor(`staff-${submission.itemNo}`));
  const presigned = await client.requestUpload(seed.agency.id, FY, submission.itemNo, 'json');
  const body = new TextEncoder().encode(JSON.stringify(submission));
  await postPresigned(presigned.post, body, `${submission.itemNo}.json`, CONTENT_TYPES.json);
  const view = await waitForUpload(client, seed.agency.id, presigned.uploadId, 120_000);
  expect(view.status).toBe('accepted');
}

/** Every IRI-valued property of a JSON-LD document, wherever it sits. */
function irisOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) irisOf(v, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const iri = ['@context', '@id', 'accessURL', 'downloadURL', 'homepage', 'hasURL'];
      if (iri.includes(key) || key === 'conformsTo') {
        if (typeof v === 'string') found.push(v);
      } else irisOf(v, found);
    }
  }
  return found;
}

/** The annual round's tests, on `h1()`'s stack once its H1 round is published. */
export function describeAnnualRoundFromH1(h1: () => PublishedH1): void {
  describe('The annual round from H1, in the portal', () => {
    beforeAll(() => {
      ({ stack, open } = h1());
    });

    it('offers the coordinator the annual round once H1 is published, and opens it', async () => {
      const coordinator = await open('coordinator');
      const offer = coordinator.locator('section.open-fy');
      await offer.getByRole('heading', { name: 'เปิดรอบ ๑๒ เดือนต่อจากรอบ ๖ เดือน' }).waitFor();
      expect(await offer.textContent()).toContain('ปีงบประมาณ ๒๕๖๖');
      expect(await offer.locator('input[name=due]').inputValue()).toBe('2023-10-31');
      expect(await seriousViolations(coordinator)).toEqual([]);
      expect(await overflowOnPhone(coordinator)).toBeLessThanOrEqual(0);

      await offer.getByRole('button', { name: 'เปิดรอบ ๑๒ เดือนต่อจากรอบ ๖ เดือน' }).click();
      await coordinator.getByText(`เปิดรอบ ๑๒ เดือน ${FY} แล้ว ร่างยกมา ๖ รายการ`).waitFor();
      // The offer is gone: the year's annual round is open, and the dashboard shows it.
      await expect.poll(() => coordinator.locator('section.open-fy').count()).toBe(0);
      await expect.poll(() => coordinator.locator('table tbody tr').count()).toBe(6);
      expect(await coordinator.locator('#coordinator-round').inputValue()).toBe(FY);
      await coordinator.close();
    });

    it('takes each division its carried draft, one with one point changed through the portal', async () => {
      for (const item of seed.items.filter((i) => ![CHANGED_ITEM, FROM_CARD_ITEM].includes(i.no))) {
        const draft = await carriedDraft(item.no);
        expect(draft.carriedFrom.roundId).toBe('2566-h1');
        await sendThroughApi(draft.submission);
      }
      const changed = withFirstPointChanged((await carriedDraft(CHANGED_ITEM)).submission);
      const division = await open(`staff-${CHANGED_ITEM}`, PHONE_WIDTH);
      const card = division.locator('article.item');
      await card.getByText('ยังไม่ส่งรายงาน').waitFor();
      await card.locator('input[type=file]').setInputFiles({
        name: `item-${CHANGED_ITEM}.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(changed)),
      });
      await card.getByText('ไฟล์ผ่านการตรวจสอบ บันทึกเป็นฉบับที่ ๑').waitFor();
      expect(await horizontalOverflow(division)).toBeLessThanOrEqual(0);
      await division.close();
    });

    it('offers a division its approved H1 version, marked as such, and submits it from the card', async () => {
      const draft = await carriedDraft(FROM_CARD_ITEM);
      const division = await open(`staff-${FROM_CARD_ITEM}`);
      const card = division.locator('article.item section.carried-draft');
      const n = draft.carriedFrom.itemVersion.toLocaleString('th-TH-u-nu-thai');
      await card.getByRole('heading', { name: `ร่างจากรอบ ๖ เดือน (ฉบับที่ ${n} ที่อนุมัติแล้ว)` }).waitFor();
      // Which H1 version, and when it was approved there (the seed's H1 was approved through the flow).
      expect(await card.textContent()).toContain(`ฉบับที่ ${n} ของรอบ 2566-h1 ซึ่งอนุมัติแล้วเมื่อ `);
      expect(await seriousViolations(division)).toEqual([]);
      expect(await overflowOnPhone(division)).toBeLessThanOrEqual(0);

      const download = division.waitForEvent('download');
      await card.getByRole('button', { name: 'ดาวน์โหลดร่างนี้ (JSON)' }).click();
      const saved = await (await download).createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of saved) chunks.push(chunk as Buffer);
      expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual(draft.submission);

      await card.getByRole('button', { name: 'ส่งร่างนี้' }).click();
      const item = division.locator('article.item');
      await item.getByText('ไฟล์ผ่านการตรวจสอบ บันทึกเป็นฉบับที่ ๑').waitFor();
      // Sent, the draft is an FY version like any upload: the offer is gone.
      await expect.poll(() => item.locator('section.carried-draft').count()).toBe(0);
      await division.close();
    });

    it('shows the approver exactly the changed point, marked as changed', async () => {
      await stack.settle(60_000);
      const before = seed.items[CHANGED_ITEM - 1]?.progress.points?.[0]?.text;
      const director = await open(`director-${CHANGED_ITEM}`);
      await director.locator('a[href="#/approver"]').click();
      const entry = director.locator('article.approval', { hasText: 'แผนงานลำดับที่ ๓' });
      await clickUntilShown(
        entry.getByRole('button', { name: 'เปิดพิจารณา' }),
        director.locator('.decision'),
      );
      const view = director.locator('.changed-since-h1');
      await view.locator('li.change').first().waitFor();
      expect(await view.locator('h3').textContent()).toBe('สิ่งที่เปลี่ยนจากรอบ ๖ เดือน');
      expect(await view.locator('li.change').count()).toBe(1);
      const change = view.locator('li.change.changed');
      expect(await change.locator('del').textContent()).toBe(`เดิม: ๓.๒.๑ ${before}`);
      expect(await change.locator('ins').textContent()).toBe(`ใหม่: ๓.๒.๑ ${NEW_TEXT}`);
      expect(await seriousViolations(director)).toEqual([]);
      expect(await overflowOnPhone(director)).toBeLessThanOrEqual(0);
      await director.close();
    });

    it('tells the director of an unchanged item that every line is as approved in H1', async () => {
      const director = await open(`director-${UNCHANGED_ITEM}`, PHONE_WIDTH);
      await director.locator('a[href="#/approver"]').click();
      const entry = director.locator('article.approval', { hasText: 'แผนงานลำดับที่ ๑' });
      await clickUntilShown(
        entry.getByRole('button', { name: 'เปิดพิจารณา' }),
        director.locator('.decision'),
      );
      const view = director.locator('.changed-since-h1');
      await view.getByText('เหมือนฉบับที่อนุมัติในรอบ ๖ เดือนทุกบรรทัด').waitFor();
      expect(await view.locator('li.change').count()).toBe(0);
      expect(await horizontalOverflow(director)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(director)).toEqual([]);
      await director.close();
    });
  });

  describe('Open data published by the publish function', () => {
    beforeAll(() => {
      ({ stack, open } = h1());
    });

    it('names every file in the DCAT catalogue by an absolute IRI that resolves on the site', async () => {
      const response = await fetch(`${stack.siteUrl}/open-data/dcat.jsonld`);
      expect(response.status).toBe(200);
      const iris = irisOf(await response.json());
      // The catalogue, its context, the national roll-ups and the H1 report's files.
      expect(iris.length).toBeGreaterThan(10);
      for (const iri of iris) {
        expect(iri, iri).toMatch(new RegExp(`^${stack.siteUrl.replace(/[.]/g, '\\.')}/`));
        const target = await fetch(iri.replace(/#.*$/, ''));
        expect(target.status, iri).toBe(200);
        await target.body?.cancel();
      }
      expect(iris).toContain(`${stack.siteUrl}/reports/opdc/2566/H1/v1/report.pdf`);
    });
  });
}
