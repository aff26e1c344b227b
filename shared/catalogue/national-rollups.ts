/**
 * Every published report's roll-up, nationwide, as one CSV and one JSON:
 * built from the publication index lines (which carry the roll-up totals),
 * so no report document is read to make them.
 */

import type { PublishedEntry } from '../publish/published-entry.js';
import { toCsv } from './csv.js';

export const NATIONAL_CSV_HEADER = [
  'agency_id',
  'agency_name_th',
  'fiscal_year_be',
  'period',
  'version',
  'published_at',
  'items',
  'budget_used_baht',
  'items_with_budget',
  'items_without_budget',
  'items_with_problems',
  'items_with_recommendations',
  'report_json',
  'report_json_sha256',
] as const;

export interface NationalRow {
  agencyId: string;
  agencyNameTh: string;
  fiscalYear: number;
  period: 'H1' | 'FY';
  version: number;
  publishedAt: string;
  items: number;
  budgetUsed: string;
  itemsWithBudget: number;
  itemsWithoutBudget: number;
  itemsWithProblems: number;
  itemsWithRecommendations: number;
  reportJson: string;
  reportJsonSha256: string;
}

/** Versions that carry catalogue facts, in a stable order: agency, year, period, version. */
export function catalogued(
  entries: readonly PublishedEntry[],
): Array<PublishedEntry & { catalogue: NonNullable<PublishedEntry['catalogue']> }> {
  return entries
    .filter((e): e is PublishedEntry & { catalogue: NonNullable<PublishedEntry['catalogue']> } =>
      Boolean(e.catalogue),
    )
    .sort(
      (a, b) =>
        a.agencyId.localeCompare(b.agencyId) ||
        a.fiscalYear - b.fiscalYear ||
        a.period.localeCompare(b.period) ||
        a.version - b.version,
    );
}

export function nationalRows(entries: readonly PublishedEntry[]): NationalRow[] {
  return catalogued(entries).map((e) => ({
    agencyId: e.agencyId,
    agencyNameTh: e.agencyNameTh,
    fiscalYear: e.fiscalYear,
    period: e.period,
    version: e.version,
    publishedAt: e.publishedAt,
    ...e.catalogue.rollup,
    reportJson: e.paths.json,
    reportJsonSha256: e.sha256.json,
  }));
}

export function nationalCsv(rows: readonly NationalRow[]): string {
  return toCsv(
    NATIONAL_CSV_HEADER,
    rows.map((r) => [
      r.agencyId,
      r.agencyNameTh,
      r.fiscalYear,
      r.period,
      r.version,
      r.publishedAt,
      r.items,
      r.budgetUsed,
      r.itemsWithBudget,
      r.itemsWithoutBudget,
      r.itemsWithProblems,
      r.itemsWithRecommendations,
      r.reportJson,
      r.reportJsonSha256,
    ]),
  );
}
