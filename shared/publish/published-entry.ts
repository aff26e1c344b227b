import { REPORTS_PREFIX } from '../workflow/object-prefixes.js';

/** One published version of a report, as the public index lists it. */
export interface PublishedEntry {
  agencyId: string;
  agencyNameTh: string;
  fiscalYear: number;
  period: 'H1' | 'FY';
  version: number;
  /** ISO date-time of publication. */
  publishedAt: string;
  /** Paths relative to the site root, e.g. reports/opdc/2566/H1/v1/report.pdf. */
  paths: { json: string; pdf: string; html: string };
  /** Hex sha256 of each published object, so readers can verify a copy. */
  sha256: { json: string; pdf: string; html: string };
}

/** Where a version's objects live: reports/{agency}/{fy}/{period}/v{n}/. */
export function publishedPrefix(
  agencyId: string,
  fiscalYear: number,
  period: string,
  version: number,
): string {
  return `${REPORTS_PREFIX}${agencyId}/${fiscalYear}/${period}/v${version}`;
}
