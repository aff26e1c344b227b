/**
 * Where the catalogue's files live on the published site. These are the
 * stable URLs others link to (harvesters, assessors, the schemas' users),
 * so they change only with a new version segment.
 */

import { publishedPrefix } from '../publish/published-entry.js';
import {
  CATALOGUE_PREFIX as C,
  OPEN_DATA_PREFIX as D,
  SCHEMAS_PREFIX,
} from '../workflow/object-prefixes.js';

export const SITE_PATHS = {
  catalogueHtml: `${C}index.html`,
  verifyHtml: `${C}verify.html`,
  searchScript: `${C}search.js`,
  verifyScript: `${C}verify.js`,
  languageScript: `${C}language.js`,
  mergedSearch: `${C}search/all.json`,
  /** Beside, not inside, search/: no agency id can name it. */
  searchTerms: `${C}search-terms.json`,
  /** The folder of the per-agency indexes (search/<agency>.json). */
  agencySearchFolder: `${C}search/`,
  nationalCsv: `${D}reports.csv`,
  nationalJson: `${D}reports.json`,
  dcat: `${D}dcat.jsonld`,
  dcatContext: `${D}dcat-context.jsonld`,
} as const;

export const agencyPagePath = (agencyId: string) => `${C}agencies/${agencyId}.html`;
export const agencySearchPath = (agencyId: string) =>
  `${SITE_PATHS.agencySearchFolder}${agencyId}.json`;
/** JSON Schemas under a version segment: a breaking change gets v2 beside v1. */
export const schemaPath = (type: string) => `${SCHEMAS_PREFIX}v1/${type}.schema.json`;

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
