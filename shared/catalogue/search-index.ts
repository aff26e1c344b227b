/**
 * The catalogue's search index, built at publish time. Each published
 * report becomes one part (its plan items are the documents); an agency's
 * index is its reports' parts and the merged index every agency's, so a
 * publish replaces one part instead of reindexing every report.
 *
 * Words come from Intl.Segmenter over the text as written (tone marks
 * and all, which is what the dictionary knows), then are normalised with
 * the very function the page uses on a query (thai-search-engine.ts).
 */

import { blockText } from '../report/render-report-text.js';
import { itemBlocks } from '../report/report-blocks.js';
import type { Report } from '../schemas/report-schema.js';
import { type SearchIndexData, thaiSearchEngine } from './thai-search-engine.js';

/** Which published version a part indexes. */
export interface PartKey {
  agencyId: string;
  fiscalYear: number;
  period: 'H1' | 'FY';
  version: number;
}

export interface SearchPart extends SearchIndexData {
  key: PartKey;
}

/** An agency's index, or the merged one: parts, one per round (its latest version). */
export interface SearchIndexFile {
  parts: SearchPart[];
}

const engine = thaiSearchEngine();
let segmenter: Intl.Segmenter | undefined;

/** The normalised words of a text, in order. */
export function indexTerms(text: string): string[] {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  const terms: string[] = [];
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    const term = engine.normaliseTerm(segment.segment);
    if (term) terms.push(term);
  }
  return terms;
}

export function roundKeyOf(key: Pick<PartKey, 'agencyId' | 'fiscalYear' | 'period'>): string {
  return `${key.agencyId}/${key.fiscalYear}/${key.period}`;
}

export function searchPart(report: Report, href: string, version: number): SearchPart {
  const postings = new Map<string, number[]>();
  const docs: SearchPart['docs'] = [];
  for (const item of report.items) {
    const doc = docs.length;
    docs.push([0, item.no, item.title]);
    const text = [...itemBlocks(item)].map(blockText).join('\n');
    for (const term of indexTerms(`${report.agency.nameTh} ${report.title}\n${text}`)) {
      const list = postings.get(term) ?? [];
      if (list.at(-1) !== doc) list.push(doc);
      postings.set(term, list);
    }
  }
  return {
    key: {
      agencyId: report.agency.id,
      fiscalYear: report.fiscalYear,
      period: report.period,
      version,
    },
    reports: [{ href, title: report.title, agency: report.agency.nameTh }],
    docs,
    terms: Object.fromEntries([...postings.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/**
 * `index` with `part` in place of any earlier version of the same round.
 * Parts stay in a stable order (agency, year, period), so equal inputs
 * give equal bytes.
 */
export function withPart(index: SearchIndexFile, part: SearchPart): SearchIndexFile {
  const round = roundKeyOf(part.key);
  const kept = index.parts.filter(
    (p) => roundKeyOf(p.key) !== round || p.key.version > part.key.version,
  );
  const replaced = kept.some((p) => roundKeyOf(p.key) === round) ? kept : [...kept, part];
  return {
    parts: replaced.sort((a, b) => (roundKeyOf(a.key) < roundKeyOf(b.key) ? -1 : 1)),
  };
}

/** Whether a stored value is an index file this code wrote (an absent or foreign object is not). */
export function asSearchIndexFile(value: unknown): SearchIndexFile | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const parts = (value as { parts?: unknown }).parts;
  if (!Array.isArray(parts)) return undefined;
  const valid = parts.every(
    (p) =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as SearchPart).key?.agencyId === 'string' &&
      Array.isArray((p as SearchPart).docs) &&
      typeof (p as SearchPart).terms === 'object',
  );
  return valid ? { parts: parts as SearchPart[] } : undefined;
}
