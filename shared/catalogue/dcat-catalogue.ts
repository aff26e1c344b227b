/**
 * The DCAT catalogue (JSON-LD) a CKAN portal such as the government
 * open-data portal harvests: one dataset per published report version, its
 * files as distributions with sha256 checksums, and the nationwide roll-ups
 * as a dataset of their own.
 *
 * The Thai government open-data minimum metadata map onto DCAT as:
 * ชื่อชุดข้อมูล title → dct:title; หน่วยงาน agency → dct:publisher
 * (foaf:Organization); สัญญาอนุญาต licence → dct:license; วันที่ date →
 * dct:issued / dct:modified; รูปแบบ format → dct:format and dcat:mediaType;
 * ผู้ติดต่อ contact → dcat:contactPoint, a vcard:Organization with the
 * agency's page (vcard:hasURL), never a person's e-mail.
 */

import type { PublishedEntry } from '../publish/published-entry.js';
import { periodLabelEn } from '../thai/fiscal-period.js';
import { catalogued } from './national-rollups.js';
import { agencyPagePath, SITE_PATHS, schemaPath } from './site-paths.js';

export const DEFAULT_LICENCE = 'https://creativecommons.org/licenses/by/4.0/';

export interface DcatOptions {
  /** Absolute site URL ending in "/", or '' for IRIs relative to the catalogue file. */
  siteUrl: string;
  licence?: string;
  modified: string;
}

type Entry = ReturnType<typeof catalogued>[number];

function distribution(
  url: string,
  format: string,
  mediaType: string,
  sha256: string,
  bytes?: number,
) {
  return {
    '@id': `${url}#distribution`,
    '@type': 'Distribution',
    accessURL: url,
    downloadURL: url,
    format,
    mediaType,
    ...(bytes !== undefined ? { byteSize: String(bytes) } : {}),
    checksum: {
      '@type': 'Checksum',
      algorithm: 'spdx:checksumAlgorithm_sha256',
      checksumValue: sha256,
    },
  };
}

function organisation(site: string, entry: Entry) {
  const page = `${site}${agencyPagePath(entry.agencyId)}`;
  return {
    publisher: {
      '@id': `${page}#agency`,
      '@type': 'Organization',
      name: {
        th: entry.agencyNameTh,
        ...(entry.catalogue.agencyNameEn ? { en: entry.catalogue.agencyNameEn } : {}),
      },
      homepage: page,
    },
    contactPoint: {
      '@id': `${page}#contact`,
      '@type': 'ContactOrganization',
      fn: entry.agencyNameTh,
      hasURL: page,
    },
  };
}

function dataset(site: string, licence: string, entry: Entry) {
  const files = entry.catalogue.files;
  const url = (path: string) => `${site}${path}`;
  return {
    '@id': `${url(files.page.path)}#dataset`,
    '@type': 'Dataset',
    identifier: `${entry.agencyId}/${entry.fiscalYear}/${entry.period}/v${entry.version}`,
    title: {
      th: `${entry.catalogue.title} — ${entry.agencyNameTh}`,
      en: `Anti-corruption plan monitoring report, fiscal year ${entry.fiscalYear} BE, ${periodLabelEn(entry.period)}, ${entry.catalogue.agencyNameEn ?? entry.agencyId}, version ${entry.version}`,
    },
    keyword: { th: ['ITA', 'ป้องกันการทุจริต', 'รายงานการกำกับติดตาม'], en: ['ITA', 'anti-corruption'] },
    language: 'http://id.loc.gov/vocabulary/iso639-1/th',
    license: licence,
    issued: entry.publishedAt,
    modified: entry.publishedAt,
    conformsTo: url(schemaPath('report')),
    ...organisation(site, entry),
    distribution: [
      distribution(url(entry.paths.json), 'JSON', 'application/json', entry.sha256.json),
      distribution(url(entry.paths.pdf), 'PDF', 'application/pdf', entry.sha256.pdf),
      distribution(url(entry.paths.html), 'HTML', 'text/html', entry.sha256.html),
      distribution(url(files.csv.path), 'CSV', 'text/csv', files.csv.sha256, files.csv.bytes),
    ],
  };
}

export function dcatCatalogue(
  entries: readonly PublishedEntry[],
  national: { csvSha256: string; jsonSha256: string; csvBytes: number; jsonBytes: number },
  options: DcatOptions,
): Record<string, unknown> {
  const site = options.siteUrl;
  const licence = options.licence ?? DEFAULT_LICENCE;
  const list = catalogued(entries);
  return {
    '@context': site ? `${site}${SITE_PATHS.dcatContext}` : 'dcat-context.jsonld',
    '@id': `${site}${SITE_PATHS.dcat}`,
    '@type': 'Catalog',
    title: {
      th: 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตของหน่วยงานภาครัฐ',
      en: "Thai public agencies' anti-corruption plan monitoring reports",
    },
    description: {
      th: 'รายงานที่หัวหน้าส่วนราชการลงนามแล้ว ข้อมูลรายโครงการ และสรุปภาพรวมทุกหน่วยงาน',
      en: 'Signed-off reports, per plan item data and nationwide roll-ups of every agency.',
    },
    license: licence,
    modified: options.modified,
    homepage: `${site}${SITE_PATHS.catalogueHtml}`,
    dataset: [
      {
        '@id': `${site}${SITE_PATHS.nationalJson}#dataset`,
        '@type': 'Dataset',
        identifier: 'national-rollups',
        title: {
          th: 'สรุปภาพรวมรายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตทุกหน่วยงาน',
          en: 'Roll-ups of every published monitoring report',
        },
        license: licence,
        modified: options.modified,
        distribution: [
          distribution(
            `${site}${SITE_PATHS.nationalCsv}`,
            'CSV',
            'text/csv',
            national.csvSha256,
            national.csvBytes,
          ),
          distribution(
            `${site}${SITE_PATHS.nationalJson}`,
            'JSON',
            'application/json',
            national.jsonSha256,
            national.jsonBytes,
          ),
        ],
      },
      ...list.map((entry) => dataset(site, licence, entry)),
    ],
  };
}
