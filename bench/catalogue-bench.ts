/**
 * The public catalogue at scale: 100 agencies × 2 rounds (H1 and FY).
 * Measures, in one run: building every search part, the merged and
 * per-agency indexes and the catalogue's pages and open data from scratch
 * (what a naive publish would redo each time), beside what one publish
 * actually does (replace one part in the agency's and the merged index,
 * rewrite the shared pages) — their ratio is the bounded-cost claim. Then
 * the bytes of the indexes, and the search latency in Chromium (the page's
 * own engine, thai-search-engine.ts) for a common and a rare Thai word.
 */

import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../bin/ensure-chromium.mjs';
import { dcatCatalogue } from '../shared/catalogue/dcat-catalogue.js';
import { catalogued, nationalCsv, nationalRows } from '../shared/catalogue/national-rollups.js';
import {
  type SearchIndexFile,
  type SearchPart,
  searchPart,
  withPart,
} from '../shared/catalogue/search-index.js';
import { searchTermMap } from '../shared/catalogue/search-term-map.js';
import { reportFilePaths } from '../shared/catalogue/site-paths.js';
import {
  agenciesHoldingSource,
  engineSource,
  SHARDS_PER_FETCH,
  SHOWN_RESULTS,
} from '../shared/publish/catalogue-scripts.js';
import { type PublishedEntry, publishedPrefix } from '../shared/publish/published-entry.js';
import {
  renderAgencyPageHtml,
  renderCatalogueIndexHtml,
} from '../shared/publish/render-catalogue-html.js';
import { buildReport } from '../shared/report/build-report.js';
import type { Report } from '../shared/schemas/report-schema.js';
import type { Round } from '../shared/schemas/round-schema.js';
import type { Submission } from '../shared/schemas/submission-schema.js';
import { median } from './bench-process.js';

export const AGENCIES = 100;
export const COMMON_WORD = 'การประชุม';
/** Written into one report of one agency only. */
export const RARE_WORD = 'ศิลาจารึก';

export interface CatalogueBenchFigures {
  agencies: number;
  reports: number;
  fullBuildMs: number;
  onePublishMs: number;
  fullOverOnePublish: number;
  mergedIndexBytes: number;
  mergedIndexGzipBytes: number;
  agencyIndexBytesMedian: number;
  /** What the catalogue page fetches first: the sharded index's term → agencies map. */
  termMapBytes: number;
  termMapGzipBytes: number;
  browser: {
    parseMs: number;
    commonMs: number;
    commonHits: number;
    rareMs: number;
    rareHits: number;
  };
  /** The page's sharded search: the term map parsed once, then per query only the agencies holding it. */
  sharded: {
    termMapParseMs: number;
    common: ShardedQuery;
    rare: ShardedQuery;
  };
}

interface ShardedQuery {
  /** Parse the agencies' indexes the map names, and search them. */
  ms: number;
  hits: number;
  agencies: number;
  /** Bytes of the agency indexes the page fetches for the query. */
  bytes: number;
}

const sha = (n: number) => n.toString(16).padStart(64, '0');

function reportsFor(round: Round, submissions: Submission[]): Report[] {
  const reports: Report[] = [];
  for (let a = 1; a <= AGENCIES; a += 1) {
    const agency = { id: `agency-${String(a).padStart(3, '0')}`, nameTh: `หน่วยงานทดสอบที่ ${a}` };
    for (const period of ['H1', 'FY'] as const) {
      const subs = submissions.map((s) => ({
        ...s,
        agencyId: agency.id,
        period,
        progress:
          a === 57 && period === 'FY' && s.itemNo === 2
            ? {
                ...s.progress,
                points: [...(s.progress.points ?? []), { text: `พบ${RARE_WORD}โบราณในพื้นที่` }],
              }
            : s.progress,
      }));
      const built = buildReport({ ...round, agency, period }, subs);
      if (!built.ok) throw new Error('bench report does not build');
      reports.push({
        ...built.value,
        publishedVersion: 1,
        signOff: {
          name: 'นายทดสอบ ระบบ',
          position: 'อธิบดี',
          role: 'agency-head',
          at: '2023-10-20T03:00:00Z',
        },
      });
    }
  }
  return reports;
}

function entryOf(report: Report): PublishedEntry {
  const base = publishedPrefix(report.agency.id, report.fiscalYear, report.period, 1);
  const files = reportFilePaths(report.agency.id, report.fiscalYear, report.period, 1);
  const file = (path: string) => ({ path, mediaType: 'text/html', bytes: 1, sha256: sha(1) });
  const { byKind: _k, byDivision: _d, ...rollup } = report.rollup;
  return {
    agencyId: report.agency.id,
    agencyNameTh: report.agency.nameTh,
    fiscalYear: report.fiscalYear,
    period: report.period,
    version: 1,
    publishedAt: '2023-10-20T03:00:00Z',
    paths: { json: `${base}/report.json`, pdf: `${base}/report.pdf`, html: `${base}/report.html` },
    sha256: { json: sha(2), pdf: sha(3), html: sha(4) },
    catalogue: {
      title: report.title,
      signOff: { name: 'นายทดสอบ ระบบ', position: 'อธิบดี', at: '2023-10-20T03:00:00Z' },
      rollup,
      files: {
        page: file(files.page),
        csv: file(files.csv),
        evidenceHtml: file(files.evidenceHtml),
        evidencePdf: file(files.evidencePdf),
      },
    },
  };
}

function sharedFiles(entries: PublishedEntry[], agencyId: string): number {
  const listed = catalogued(entries);
  const rows = nationalRows(entries);
  const csv = nationalCsv(rows);
  const dcat = JSON.stringify(
    dcatCatalogue(
      entries,
      { csvSha256: sha(5), csvBytes: 1, jsonSha256: sha(6), jsonBytes: 1 },
      { siteUrl: '', modified: '2023-10-20T03:00:00Z' },
    ),
  );
  return (
    renderCatalogueIndexHtml(listed).length +
    renderAgencyPageHtml(agencyId, listed).length +
    csv.length +
    JSON.stringify({ reports: rows }).length +
    dcat.length
  );
}

export async function runCatalogueBench(
  round: Round,
  submissions: Submission[],
  log: (line: string) => void,
): Promise<CatalogueBenchFigures> {
  log(`Building ${AGENCIES * 2} reports of ${AGENCIES} agencies …`);
  const reports = reportsFor(round, submissions);
  const entries = reports.map(entryOf);
  const hrefOf = (e: PublishedEntry) => e.catalogue?.files.page.path ?? e.paths.html;

  log('Full build: every part, every index, the shared pages (3 runs) …');
  let merged: SearchIndexFile = { parts: [] };
  let agencyIndexes = new Map<string, SearchIndexFile>();
  const fullTimes: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    merged = { parts: [] };
    agencyIndexes = new Map();
    reports.forEach((report, i) => {
      const part: SearchPart = searchPart(report, hrefOf(entries[i] as PublishedEntry), 1);
      merged = withPart(merged, part);
      const own = agencyIndexes.get(report.agency.id) ?? { parts: [] };
      agencyIndexes.set(report.agency.id, withPart(own, part));
    });
    JSON.stringify(merged);
    for (const index of agencyIndexes.values()) JSON.stringify(index);
    sharedFiles(entries, 'agency-001');
    fullTimes.push(performance.now() - start);
  }

  log(
    'One publish: replace one part in the agency and merged index, rewrite shared pages (5 runs) …',
  );
  const last = reports.at(-1) as Report;
  const lastEntry = entries.at(-1) as PublishedEntry;
  const mergedText = JSON.stringify(merged);
  const agencyText = JSON.stringify(agencyIndexes.get(last.agency.id));
  const oneTimes: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    const part = searchPart(last, hrefOf(lastEntry), 1);
    // Read (parse) and write (serialise) the two indexes, as the publish step does.
    JSON.stringify(withPart(JSON.parse(agencyText) as SearchIndexFile, part));
    JSON.stringify(withPart(JSON.parse(mergedText) as SearchIndexFile, part));
    sharedFiles(entries, last.agency.id);
    oneTimes.push(performance.now() - start);
  }

  const agencyBytes = [...agencyIndexes.values()].map((i) => JSON.stringify(i).length);
  const termMapText = JSON.stringify(searchTermMap(merged));
  const agencyTexts = Object.fromEntries(
    [...agencyIndexes.entries()].map(([id, index]) => [id, JSON.stringify(index)]),
  );
  log('Search latency in Chromium (the page’s engine, median of 21 searches) …');
  const browser = await chromium.launch({
    executablePath: ensureChromium({ log }),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  let timings: CatalogueBenchFigures['browser'];
  let sharded: CatalogueBenchFigures['sharded'];
  try {
    const page = await browser.newPage();
    // The engine reaches the page as its own source, exactly as search.js carries it.
    await page.addScriptTag({
      // __name: what tsx's keepNames wraps this file's own functions in (the callback below too).
      content: `var __name = (target) => target; window.benchEngine = ${engineSource()}; window.benchHolding = ${agenciesHoldingSource()};`,
    });
    timings = await page.evaluate(
      ({ text, common, rare }) => {
        // biome-ignore lint/suspicious/noExplicitAny: the engine was added to the page above.
        const engine = (window as any).benchEngine;
        const t0 = performance.now();
        const index = JSON.parse(text);
        const parseMs = performance.now() - t0;
        const time = (word: string) => {
          const runs: number[] = [];
          let hits = 0;
          for (let i = 0; i < 21; i += 1) {
            const start = performance.now();
            hits = 0;
            for (const part of index.parts) hits += engine.search(part, word, 200).length;
            runs.push(performance.now() - start);
          }
          runs.sort((a, b) => a - b);
          return { ms: runs[10] as number, hits };
        };
        const c = time(common);
        const r = time(rare);
        return { parseMs, commonMs: c.ms, commonHits: c.hits, rareMs: r.ms, rareHits: r.hits };
      },
      {
        text: mergedText,
        common: COMMON_WORD,
        rare: RARE_WORD,
      },
    );
    sharded = await page.evaluate(
      ({ termMap, agencies, common, rare, shown, perFetch }) => {
        // biome-ignore lint/suspicious/noExplicitAny: the engine was added to the page above.
        const w = window as any;
        const engine = w.benchEngine;
        const t0 = performance.now();
        const map = JSON.parse(termMap);
        const termMapParseMs = performance.now() - t0;
        // As search.js does once the files are fetched: split, pick the agencies, then parse and
        // search their indexes a batch at a time until a page of results is found.
        const query = (word: string) => {
          const runs: number[] = [];
          let hits = 0;
          let ids: string[] = [];
          for (let i = 0; i < 21; i += 1) {
            const start = performance.now();
            hits = 0;
            const terms = engine.splitQuery(word, (t: string) => Object.hasOwn(map.terms, t));
            const holding: string[] = terms ? w.benchHolding(map, terms) : [];
            let read = 0;
            while (read < holding.length && hits < shown) {
              for (const id of holding.slice(read, read + perFetch)) {
                for (const part of JSON.parse(agencies[id] as string).parts) {
                  hits += engine.search(part, word, 200).length;
                }
              }
              read = Math.min(holding.length, read + perFetch);
            }
            ids = holding.slice(0, read);
            runs.push(performance.now() - start);
          }
          runs.sort((a, b) => a - b);
          const bytes = ids.reduce((n, id) => n + new Blob([agencies[id] as string]).size, 0);
          return { ms: runs[10] as number, hits, agencies: ids.length, bytes };
        };
        return { termMapParseMs, common: query(common), rare: query(rare) };
      },
      {
        termMap: termMapText,
        agencies: agencyTexts,
        common: COMMON_WORD,
        rare: RARE_WORD,
        shown: SHOWN_RESULTS,
        perFetch: SHARDS_PER_FETCH,
      },
    );
  } finally {
    await browser.close();
  }
  const fullBuildMs = median(fullTimes);
  const onePublishMs = median(oneTimes);
  return {
    agencies: AGENCIES,
    reports: reports.length,
    fullBuildMs,
    onePublishMs,
    fullOverOnePublish: fullBuildMs / onePublishMs,
    mergedIndexBytes: Buffer.byteLength(mergedText),
    mergedIndexGzipBytes: gzipSync(mergedText).length,
    agencyIndexBytesMedian: median(agencyBytes),
    termMapBytes: Buffer.byteLength(termMapText),
    termMapGzipBytes: gzipSync(termMapText).length,
    browser: timings,
    sharded,
  };
}

export function printCatalogueBench(f: CatalogueBenchFigures): void {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  console.table([
    {
      measure: `full build, ${f.reports} reports (median of 3)`,
      value: `${f.fullBuildMs.toFixed(0)} ms`,
    },
    {
      measure: 'one publish: two indexes + shared pages (median of 5)',
      value: `${f.onePublishMs.toFixed(0)} ms`,
    },
    { measure: 'full build / one publish', value: `×${f.fullOverOnePublish.toFixed(1)}` },
    {
      measure: 'merged search index',
      value: `${kb(f.mergedIndexBytes)} (${kb(f.mergedIndexGzipBytes)} gzipped)`,
    },
    { measure: 'agency search index (median)', value: kb(f.agencyIndexBytesMedian) },
    {
      measure: 'sharded: term → agency map (fetched first)',
      value: `${kb(f.termMapBytes)} (${kb(f.termMapGzipBytes)} gzipped)`,
    },
    { measure: 'browser: parse merged index', value: `${f.browser.parseMs.toFixed(1)} ms` },
    {
      measure: `browser: search common word (${f.browser.commonHits} hits)`,
      value: `${f.browser.commonMs.toFixed(2)} ms`,
    },
    {
      measure: `browser: search rare word (${f.browser.rareHits} hits)`,
      value: `${f.browser.rareMs.toFixed(2)} ms`,
    },
    { measure: 'sharded: parse term map', value: `${f.sharded.termMapParseMs.toFixed(1)} ms` },
    ...(['common', 'rare'] as const).map((which) => {
      const q = f.sharded[which];
      return {
        measure: `sharded: ${which} word (${q.agencies} agency indexes, ${kb(q.bytes)}; ${q.hits} hits)`,
        value: `${q.ms.toFixed(2)} ms`,
      };
    }),
  ]);
}
