/**
 * The annual round continues the six-month one, on the embedded services:
 * the FY round of an agency whose H1 report is published is opened from it;
 * each division's draft is its approved H1 version, marked as carried over;
 * one division changes one progress point; "changed since H1" shows exactly
 * that change; the FY report is published from the FY round's own approvals.
 */

import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedEntry } from '../../shared/publish/published-entry.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import type { Submission } from '../../shared/schemas/submission-schema.js';
import { validateSubmission } from '../../shared/validation/validate-document.js';
import {
  type CarriedDraft,
  carriedDraftKey,
  openFyFromH1,
} from '../../shared/workflow/carry-over.js';
import { changesSinceH1 } from '../../shared/workflow/changes-since-h1.js';
import { seedRound, seedSubmissions } from '../helpers/seed-round.js';
import { type CatalogueSite, INCOMING, startCatalogueSite } from './catalogue-site.js';

const CHANGED_ITEM = 3;
const NEW_TEXT = 'ดำเนินการครบทั้ง ๑๒ เดือน จัดประชุมคณะทำงานรวม ๔ ครั้ง';

let site: CatalogueSite;
let h1: Report;
let drafts: CarriedDraft[];

const getJson = async (path: string) => (await fetch(`${site.siteUrl}/${path}`)).json();

beforeAll(async () => {
  site = await startCatalogueSite();
  h1 = await site.publish(seedRound(), seedSubmissions(), '2023-04-25T03:00:00.000Z');
  const outcome = await openFyFromH1(
    {
      rounds: site.ports.rounds as never,
      objects: site.ports.objects,
      privateBucket: INCOMING,
      publicBucket: site.ports.publicBucket,
      now: () => new Date('2023-09-01T02:00:00Z'),
    },
    { agencyId: 'opdc', fiscalYear: 2566, due: '2023-10-30', openedBy: 'sub-coordinator' },
  );
  if (outcome.kind !== 'opened') throw new Error(`FY round not opened: ${outcome.kind}`);
  drafts = outcome.drafts;
}, 240_000);

afterAll(async () => {
  await site?.close();
});

/** The division's edit: the first progress point of one item, nothing else. */
function edited(draft: CarriedDraft): Submission {
  if (draft.submission.itemNo !== CHANGED_ITEM) return draft.submission;
  const [first, ...rest] = draft.submission.progress.points ?? [];
  return {
    ...draft.submission,
    progress: { ...draft.submission.progress, points: [{ ...first, text: NEW_TEXT }, ...rest] },
  };
}

describe('The FY round opened from a published H1', () => {
  it('carries every plan item over, each draft its approved H1 version, marked so', async () => {
    expect(drafts.map((d) => d.submission.itemNo)).toEqual(h1.items.map((i) => i.no));
    for (const [index, draft] of drafts.entries()) {
      const item = h1.items[index];
      expect(draft.carriedFrom).toEqual({
        roundId: '2566-h1',
        publishedVersion: 1,
        itemVersion: item?.provenance?.version,
        sha256: item?.provenance?.sha256,
      });
      expect(draft.submission).toMatchObject({
        period: 'FY',
        division: item?.division,
        progress: item?.progress,
        budgetUsed: item?.budgetUsed,
      });
      // A carried draft is a valid FY submission as it stands.
      expect(validateSubmission(draft.submission).ok).toBe(true);
      const stored = await site.s3.send(
        new GetObjectCommand({
          Bucket: INCOMING,
          Key: carriedDraftKey('opdc', '2566-fy', item?.no ?? 0),
        }),
      );
      expect(JSON.parse(await (stored.Body?.transformToString() ?? '""'))).toEqual(draft);
    }
    const fy = await site.ports.rounds.getRound('opdc', '2566-fy');
    expect(fy?.round.items).toEqual(
      h1.items.map(({ no, kind, title, division }) => ({ no, kind, title, division })),
    );
    expect(fy?.round.period).toBe('FY');
  });

  it('shows exactly the one changed point as changed since H1', () => {
    const round = seedRound();
    const changes = drafts.map((draft) => {
      const item = round.items[draft.submission.itemNo - 1];
      if (!item) throw new Error('no such item');
      return changesSinceH1(item, draft.submission, edited(draft));
    });
    const before = h1.items[CHANGED_ITEM - 1]?.progress.points?.[0]?.text;
    expect(changes).toEqual(
      drafts.map((d) =>
        d.submission.itemNo === CHANGED_ITEM
          ? [{ kind: 'changed', before: `๓.๒.๑ ${before}`, after: `๓.๒.๑ ${NEW_TEXT}` }]
          : [],
      ),
    );
  });

  it('publishes the FY report from the FY approvals, with the change, H1 untouched', async () => {
    const fyRound = (await site.ports.rounds.getRound('opdc', '2566-fy'))?.round;
    if (!fyRound) throw new Error('FY round missing');
    await site.publish(fyRound, drafts.map(edited), '2023-10-20T03:00:00.000Z');
    const index = (await getJson('index.json')) as { reports: PublishedEntry[] };
    expect(index.reports.map((e) => `${e.fiscalYear}/${e.period}/v${e.version}`).sort()).toEqual([
      '2566/FY/v1',
      '2566/H1/v1',
    ]);
    const fy = (await getJson('reports/opdc/2566/FY/v1/report.json')) as Report;
    expect(fy.period).toBe('FY');
    expect(fy.title).toContain('๑๒ เดือน');
    expect(fy.periodEnd).toBe('2023-09-30');
    expect(fy.items[CHANGED_ITEM - 1]?.progress.points?.[0]?.text).toBe(NEW_TEXT);
    for (const item of fy.items) {
      // Every item is the FY round's own approved version, not H1's.
      expect(item.provenance?.submissionId).toBe(`opdc/2566-fy/${item.no}`);
      if (item.no !== CHANGED_ITEM) expect(item.progress).toEqual(h1.items[item.no - 1]?.progress);
    }
    const stillH1 = (await getJson('reports/opdc/2566/H1/v1/report.json')) as Report;
    expect(stillH1.items[CHANGED_ITEM - 1]?.progress).toEqual(h1.items[CHANGED_ITEM - 1]?.progress);
    const evidence = await (
      await fetch(`${site.siteUrl}/reports/opdc/2566/FY/v1/evidence.html`)
    ).text();
    expect(evidence).toContain('รอบ ๑๒ เดือน');
    const agencyPage = await (await fetch(`${site.siteUrl}/catalogue/agencies/opdc.html`)).text();
    expect(agencyPage).toContain('reports/opdc/2566/FY/v1/index.html');
    expect(agencyPage).toContain('reports/opdc/2566/H1/v1/index.html');
  });
});
