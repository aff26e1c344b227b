/**
 * Issue 14 on the embedded services: two agencies each publish an H1
 * report; the catalogue lists both, the search finds a Thai phrase typed
 * with Arabic digits and without tone marks in one of them, the CSV parses
 * with a real CSV parser and the DCAT catalogue expands against its own
 * JSON-LD context (offline), their figures equal the reports' roll-ups, and
 * each evidence page names the head's name and position and no e-mail.
 */

import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndexFile } from '../../shared/catalogue/search-index.js';
import { thaiSearchEngine } from '../../shared/catalogue/thai-search-engine.js';
import type { PublishedEntry, PublishedFile } from '../../shared/publish/published-entry.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import { findPersonalData } from '../helpers/personal-data.js';
import { seedRound, seedSubmissions } from '../helpers/seed-round.js';
import { type CatalogueSite, PEOPLE, PUBLISHED, startCatalogueSite } from './catalogue-site.js';
import { SECOND_AGENCY, secondAgencyRound, UNIQUE_QUERY } from './second-agency.js';

let site: CatalogueSite;
const reports: Report[] = [];

beforeAll(async () => {
  site = await startCatalogueSite();
  reports.push(await site.publish(seedRound(), seedSubmissions(), '2023-04-25T03:00:00.000Z'));
  const second = secondAgencyRound();
  reports.push(await site.publish(second.round, second.submissions, '2023-04-28T04:30:00.000Z'));
}, 240_000);

afterAll(async () => {
  await site?.close();
});

const get = async (path: string) => {
  const response = await fetch(`${site.siteUrl}/${path}`);
  expect(response.status, path).toBe(200);
  return response;
};
const text = async (path: string) => (await get(path)).text();
const index = async () =>
  (await (await get('index.json')).json()) as { reports: PublishedEntry[]; files: PublishedFile[] };

describe('The public catalogue on the embedded stack', () => {
  it('lists both agencies, each with a page listing its report', async () => {
    const catalogue = await text('catalogue/index.html');
    expect(catalogue).toContain('สำนักงาน ก.พ.ร.');
    expect(catalogue).toContain(SECOND_AGENCY.nameTh);
    for (const agency of ['opdc', SECOND_AGENCY.id]) {
      expect(catalogue).toContain(`agencies/${agency}.html`);
      const page = await text(`catalogue/agencies/${agency}.html`);
      expect(page).toContain(`reports/${agency}/2566/H1/v1/index.html`);
    }
    const reportPage = await text('reports/dga/2566/H1/v1/index.html');
    const { reports: entries } = await index();
    const entry = entries.find((e) => e.agencyId === 'dga');
    for (const sha of Object.values(entry?.sha256 ?? {})) expect(reportPage).toContain(sha);
  });

  it('finds a Thai phrase typed with Arabic digits and no tone marks, in that agency only', async () => {
    const engine = thaiSearchEngine();
    const merged = (await (await get('catalogue/search/all.json')).json()) as SearchIndexFile;
    expect(merged.parts.map((p) => p.key.agencyId).sort()).toEqual(['dga', 'opdc']);
    const hits = merged.parts.flatMap((part) => engine.search(part, UNIQUE_QUERY, 50));
    expect(hits).toEqual([
      {
        report: expect.objectContaining({ agency: SECOND_AGENCY.nameTh }),
        itemNo: 2,
        itemTitle: reports[1]?.items[1]?.title,
      },
    ]);
    // A common word is in both agencies' reports; the agency's own index holds only its own.
    const common = merged.parts.flatMap((part) => engine.search(part, 'การประชุม', 50));
    expect(new Set(common.map((h) => h.report.agency)).size).toBe(2);
    const own = (await (await get('catalogue/search/opdc.json')).json()) as SearchIndexFile;
    expect(own.parts.map((p) => p.key.agencyId)).toEqual(['opdc']);
  });

  it('publishes per report CSV and national CSV whose figures equal the roll-ups', async () => {
    for (const report of reports) {
      const base = `reports/${report.agency.id}/2566/H1/v1`;
      const rows = parse(await text(`${base}/items.csv`), { bom: true, columns: true }) as Array<
        Record<string, string>
      >;
      expect(rows.map((r) => Number(r.item_no))).toEqual(report.items.map((i) => i.no));
      const satang = rows.reduce(
        (sum, r) => sum + BigInt(Math.round(Number(r.budget_used_baht || '0') * 100)),
        0n,
      );
      expect(satang).toBe(BigInt(Math.round(Number(report.rollup.budgetUsed) * 100)));
      expect(rows.filter((r) => r.has_problems === 'true')).toHaveLength(
        report.rollup.itemsWithProblems,
      );
      expect(rows.filter((r) => r.budget_used_baht === '')).toHaveLength(
        report.rollup.itemsWithoutBudget,
      );
    }
    const national = parse(await text('open-data/reports.csv'), {
      bom: true,
      columns: true,
    }) as Array<Record<string, string>>;
    expect(national).toHaveLength(2);
    for (const row of national) {
      const published = (await (await get(String(row.report_json))).json()) as Report;
      expect(row).toMatchObject({
        agency_id: published.agency.id,
        items: String(published.rollup.items),
        budget_used_baht: published.rollup.budgetUsed,
        items_with_problems: String(published.rollup.itemsWithProblems),
        items_with_recommendations: String(published.rollup.itemsWithRecommendations),
      });
    }
    const json = (await (await get('open-data/reports.json')).json()) as { reports: unknown[] };
    expect(json.reports).toHaveLength(2);
  });

  it('publishes a DCAT catalogue that expands against its shipped JSON-LD context', async () => {
    const dcat = (await (await get('open-data/dcat.jsonld')).json()) as Record<string, unknown>;
    const contextUrl = String(dcat['@context']);
    const context = await (await get('open-data/dcat-context.jsonld')).json();
    const loaded: string[] = [];
    const expanded = (await jsonld.expand(dcat, {
      safe: true,
      documentLoader: async (url: string) => {
        loaded.push(url);
        // Offline: the only document it may load is the context this site ships.
        if (url !== contextUrl) throw new Error(`no network: ${url}`);
        return { contextUrl: undefined, document: context, documentUrl: url };
      },
    } as never)) as unknown as unknown[];
    expect(loaded).toEqual([contextUrl]);
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const DCT = 'http://purl.org/dc/terms/';
    type Node = Record<string, Array<Record<string, unknown>>>;
    const catalog = expanded[0] as Node;
    expect(catalog['@type']).toEqual([`${DCAT}Catalog`]);
    const datasets = (catalog[`${DCAT}dataset`] ?? []) as unknown as Node[];
    expect(datasets).toHaveLength(3);
    for (const dataset of datasets.slice(1)) {
      // The Thai government open-data minimum: title, agency, licence, date, format, contact.
      expect(dataset[`${DCT}title`]?.some((t) => t['@language'] === 'th')).toBe(true);
      const publisher = dataset[`${DCT}publisher`]?.[0] as Node | undefined;
      expect(publisher?.['http://xmlns.com/foaf/0.1/name']).toBeDefined();
      expect(dataset[`${DCT}license`]).toBeDefined();
      expect(dataset[`${DCT}issued`]?.[0]?.['@type']).toBe(
        'http://www.w3.org/2001/XMLSchema#dateTime',
      );
      const formats = (dataset[`${DCAT}distribution`] as unknown as Node[]).map(
        (d) => d[`${DCT}format`]?.[0]?.['@value'],
      );
      expect(formats).toEqual(['JSON', 'PDF', 'HTML', 'CSV']);
      const contact = dataset[`${DCAT}contactPoint`]?.[0] as Node | undefined;
      expect(String(contact?.['http://www.w3.org/2006/vcard/ns#hasURL']?.[0]?.['@id'])).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/catalogue\/agencies\/[a-z]+\.html$/,
      );
    }
    const all = JSON.stringify(dcat);
    expect(all).not.toContain('mailto:');
    expect(findPersonalData(all)).toEqual([]);
    // The national figures sit beside the per report datasets.
    const rollups = datasets.find((d) => JSON.stringify(d).includes('national-rollups'));
    expect(rollups).toBeDefined();
  });

  it('names the head and every approver by name and position on each evidence page, no e-mail', async () => {
    for (const report of reports) {
      const base = `reports/${report.agency.id}/2566/H1/v1`;
      const page = await text(`${base}/evidence.html`);
      expect(page).toContain(PEOPLE.head.name);
      expect(page).toContain(PEOPLE.head.position);
      expect(page).toContain(PEOPLE.director.name);
      expect(page).toContain(PEOPLE.centre.position);
      expect(findPersonalData(page)).toEqual([]);
      for (const item of report.items) expect(page).toContain(item.provenance?.sha256);
      const pdf = new Uint8Array(await (await get(`${base}/evidence.pdf`)).arrayBuffer());
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    }
  });

  it('lists every file in index.json with the sha256 of the bytes served', async () => {
    const { reports: entries, files } = await index();
    const listed: Array<{ path: string; sha256: string }> = [
      ...files,
      ...entries.flatMap((e) => [
        ...(['json', 'pdf', 'html'] as const).map((k) => ({
          path: e.paths[k],
          sha256: e.sha256[k],
        })),
        ...Object.values(e.catalogue?.files ?? {}),
      ]),
    ];
    // Per version: report JSON, PDF, HTML, its page, CSV, evidence page and PDF.
    expect(listed.length - files.length).toBe(2 * 7);
    expect(files.map((f) => f.path)).toContain('schemas/v1/report.schema.json');
    for (const file of listed) {
      const bytes = new Uint8Array(await (await get(file.path)).arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
    }
  });

  it('keeps publish cost bounded: a third agency reads the merged index and no report', async () => {
    const reads: string[] = [];
    const objects = site.ports.objects;
    const getJson = objects.getJson.bind(objects);
    objects.getJson = async (bucket: string, key: string) => {
      reads.push(`${bucket === PUBLISHED ? 'public' : 'private'} ${key}`);
      return getJson(bucket, key);
    };
    const { round, submissions } = secondAgencyRound();
    const third = { id: 'nacc', nameTh: 'สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ' };
    try {
      await site.publish(
        { ...round, agency: third },
        submissions.map((s) => ({ ...s, agencyId: third.id })),
        '2023-04-29T02:00:00.000Z',
      );
    } finally {
      objects.getJson = getJson;
    }
    expect(reads).toEqual([
      'private drafts/nacc/2566-h1/a1/report.json',
      'public catalogue/search/all.json',
    ]);
    const merged = (await (await get('catalogue/search/all.json')).json()) as SearchIndexFile;
    expect(merged.parts.map((p) => p.key.agencyId)).toEqual(['dga', 'nacc', 'opdc']);
  });
});
