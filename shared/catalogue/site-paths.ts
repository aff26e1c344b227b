/**
 * Where the catalogue's files live on the published site. These are the
 * stable URLs others link to (harvesters, assessors, the schemas' users),
 * so they change only with a new version segment.
 */

import { publishedPrefix } from '../publish/published-entry.js';

export const SITE_PATHS = {
  catalogueHtml: 'catalogue/index.html',
  verifyHtml: 'catalogue/verify.html',
  searchScript: 'catalogue/search.js',
  verifyScript: 'catalogue/verify.js',
  languageScript: 'catalogue/language.js',
  mergedSearch: 'catalogue/search/all.json',
  nationalCsv: 'open-data/reports.csv',
  nationalJson: 'open-data/reports.json',
  dcat: 'open-data/dcat.jsonld',
  dcatContext: 'open-data/dcat-context.jsonld',
} as const;

export const agencyPagePath = (agencyId: string) => `catalogue/agencies/${agencyId}.html`;
export const agencySearchPath = (agencyId: string) => `catalogue/search/${agencyId}.json`;
/** JSON Schemas under a version segment: a breaking change gets v2 beside v1. */
export const schemaPath = (type: string) => `schemas/v1/${type}.schema.json`;

export function reportFilePaths(
  agencyId: string,
  fiscalYear: number,
  period: string,
  version: number,
) {
  const base = publishedPrefix(agencyId, fiscalYear, period, version);
  return {
    page: `${base}/index.html`,
    csv: `${base}/items.csv`,
    evidenceHtml: `${base}/evidence.html`,
    evidencePdf: `${base}/evidence.pdf`,
  };
}
