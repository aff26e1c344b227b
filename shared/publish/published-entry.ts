import { REPORTS_PREFIX } from '../workflow/object-prefixes.js';

/** A published file beside the report itself (CSV, evidence page and PDF), with its digest. */
export interface PublishedFile {
  /** Path relative to the site root. */
  path: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

/** The catalogue's facts about a version, kept with its index line so no report is reread. */
export interface CatalogueFacts {
  title: string;
  agencyNameEn?: string;
  /** The agency head who signed off: name and position only, never an e-mail. */
  signOff: { name: string; position?: string; at: string };
  rollup: {
    items: number;
    budgetUsed: string;
    itemsWithBudget: number;
    itemsWithoutBudget: number;
    itemsWithProblems: number;
    itemsWithRecommendations: number;
  };
  /** The report's catalogue page, its CSV and its evidence page and PDF. */
  files: {
    page: PublishedFile;
    csv: PublishedFile;
    evidenceHtml: PublishedFile;
    evidencePdf: PublishedFile;
  };
}

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
  /** Absent on versions published before the catalogue existed. */
  catalogue?: CatalogueFacts;
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
