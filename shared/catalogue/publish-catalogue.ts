/**
 * The catalogue step of publishing. For the new version: its CSV, its ITA
 * evidence (page and one-page PDF) and its catalogue page. Then the site's
 * shared files: the agency's and the merged search index, the catalogue and
 * agency pages, the national roll-ups (CSV, JSON), the DCAT catalogue, the
 * JSON Schemas and the pages' scripts.
 *
 * Publish cost stays bounded as the site grows: no report document is read.
 * The pages and open data come from the publication index lines (which carry
 * each version's roll-up and sign-off); the search indexes are updated by
 * replacing one part (this round's) in the agency's index and in the merged
 * one. Only a part found missing (a publish that raced this one, or a report
 * published before the catalogue existed) is rebuilt, from its report.json.
 */

import { createHash } from 'node:crypto';
import { IMMUTABLE, REVALIDATE } from '../publish/cache-control.js';
import { LANGUAGE_SCRIPT, SEARCH_SCRIPT, VERIFY_SCRIPT } from '../publish/catalogue-scripts.js';
import type { CatalogueFacts, PublishedEntry, PublishedFile } from '../publish/published-entry.js';
import {
  renderAgencyPageHtml,
  renderCatalogueIndexHtml,
  renderReportPageHtml,
} from '../publish/render-catalogue-html.js';
import { renderEvidenceHtml } from '../publish/render-evidence-html.js';
import { renderEvidencePdf } from '../publish/render-evidence-pdf.js';
import { renderVerifyHtml } from '../publish/render-verify-html.js';
import { DOCUMENT_TYPES, documentJsonSchema } from '../schemas/json-schemas.js';
import type { Report } from '../schemas/report-schema.js';
import { validateReport } from '../validation/validate-document.js';
import type { ApprovalStore, ObjectStore } from '../workflow/ports.js';
import type { WaitingRole } from '../workflow/roles.js';
import { dcatCatalogue } from './dcat-catalogue.js';
import { DCAT_CONTEXT } from './dcat-context.js';
import { type EvidenceFile, evidenceApprovalIds, evidenceRecord } from './evidence-record.js';
import { catalogued, nationalCsv, nationalRows } from './national-rollups.js';
import { reportCsv } from './report-csv.js';
import {
  asSearchIndexFile,
  roundKeyOf,
  type SearchIndexFile,
  type SearchPart,
  searchPart,
  withPart,
} from './search-index.js';
import { searchTermMap } from './search-term-map.js';
import { signOffPerson } from './sign-off-person.js';
import {
  agencyPagePath,
  agencySearchPath,
  reportFilePaths,
  SITE_PATHS,
  schemaPath,
} from './site-paths.js';

export interface CataloguePorts {
  objects: ObjectStore;
  approvals: Pick<ApprovalStore, 'getMany'>;
  publicBucket: string;
  /** Absolute site URL ending in "/" for the DCAT IRIs; relative IRIs without it. */
  siteUrl?: string;
  now: () => Date;
}

const TYPES = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
} as const;

async function putFile(
  ports: CataloguePorts,
  path: string,
  body: string | Uint8Array,
  mediaType: string,
  cacheControl: string,
): Promise<PublishedFile> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await ports.objects.put(ports.publicBucket, path, bytes, {
    contentType: mediaType,
    cacheControl,
    metadata: { sha256 },
  });
  return { path, mediaType: mediaType.split(';')[0] ?? mediaType, bytes: bytes.length, sha256 };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function approvalsOf(
  ports: CataloguePorts,
  agencyId: string,
  ids: readonly string[],
): Promise<Awaited<ReturnType<ApprovalStore['getMany']>>> {
  const found = [];
  // BatchGetItem takes at most 100 keys a call.
  for (let i = 0; i < ids.length; i += 100) {
    found.push(...(await ports.approvals.getMany(agencyId, ids.slice(i, i + 100))));
  }
  return found;
}

/** The new version's own catalogue files: CSV, evidence PDF and page, catalogue page. */
export async function publishReportExtras(
  ports: CataloguePorts,
  report: Report,
  roundId: string,
  chain: readonly WaitingRole[],
  entry: PublishedEntry,
): Promise<CatalogueFacts> {
  const version = entry.version;
  const paths = reportFilePaths(report.agency.id, report.fiscalYear, report.period, version);
  const csv = await putFile(ports, paths.csv, reportCsv(report), TYPES.csv, IMMUTABLE);
  const approvals = await approvalsOf(
    ports,
    report.agency.id,
    evidenceApprovalIds(report, roundId, chain),
  );
  const files: EvidenceFile[] = [
    { label: 'report.pdf', path: entry.paths.pdf, sha256: entry.sha256.pdf },
    { label: 'report.html', path: entry.paths.html, sha256: entry.sha256.html },
    { label: 'report.json', path: entry.paths.json, sha256: entry.sha256.json },
    { label: 'items.csv', path: csv.path, sha256: csv.sha256 },
  ];
  const record = evidenceRecord(report, roundId, chain, approvals, files);
  const evidencePdf = await putFile(
    ports,
    paths.evidencePdf,
    await renderEvidencePdf(record),
    TYPES.pdf,
    IMMUTABLE,
  );
  const withPdf = {
    ...record,
    files: [
      ...files,
      { label: 'evidence.pdf', path: evidencePdf.path, sha256: evidencePdf.sha256 },
    ],
  };
  const evidenceHtml = await putFile(
    ports,
    paths.evidenceHtml,
    renderEvidenceHtml(withPdf, paths.evidenceHtml),
    TYPES.html,
    IMMUTABLE,
  );
  const head = signOffPerson(report);
  if (!head) throw new Error('the catalogue needs a signed-off report');
  const { byKind: _k, byDivision: _d, ...rollup } = report.rollup;
  const pending: PublishedFile = { path: paths.page, mediaType: 'text/html', bytes: 0, sha256: '' };
  const facts: CatalogueFacts = {
    title: report.title,
    ...(report.agency.nameEn ? { agencyNameEn: report.agency.nameEn } : {}),
    signOff: head,
    rollup,
    files: { page: pending, csv, evidenceHtml, evidencePdf },
  };
  const page = await putFile(
    ports,
    paths.page,
    renderReportPageHtml({ ...entry, catalogue: facts }),
    TYPES.html,
    IMMUTABLE,
  );
  return { ...facts, files: { ...facts.files, page } };
}

/** The latest version of each round, among the index lines. */
function latestPerRound(entries: readonly PublishedEntry[]): PublishedEntry[] {
  const latest = new Map<string, PublishedEntry>();
  for (const entry of entries) {
    const key = roundKeyOf(entry);
    const known = latest.get(key);
    if (!known || known.version < entry.version) latest.set(key, entry);
  }
  return [...latest.values()];
}

const hrefOf = (entry: PublishedEntry) => entry.catalogue?.files.page.path ?? entry.paths.html;

function hasPart(index: SearchIndexFile, entry: PublishedEntry): boolean {
  return index.parts.some(
    (p) => roundKeyOf(p.key) === roundKeyOf(entry) && p.key.version >= entry.version,
  );
}

/** A part rebuilt from the published report.json: only for parts found missing. */
async function rebuiltPart(ports: CataloguePorts, entry: PublishedEntry): Promise<SearchPart> {
  const report = validateReport(await ports.objects.getJson(ports.publicBucket, entry.paths.json));
  if (!report.ok) throw new Error(`published ${entry.paths.json} does not validate`);
  return searchPart(report.value, hrefOf(entry), entry.version);
}

/**
 * An index file, read only when one must exist: a version's index line is
 * written after its search indexes, so any catalogued line proves them.
 * (A missing key is never probed: without s3:ListBucket S3 answers it 403.)
 */
async function readIndex(
  ports: CataloguePorts,
  path: string,
  exists: boolean,
): Promise<SearchIndexFile> {
  if (!exists) return { parts: [] };
  const index = asSearchIndexFile(await ports.objects.getJson(ports.publicBucket, path));
  if (!index) throw new Error(`${path} is not a search index`);
  return index;
}

async function updatedSearchIndexes(
  ports: CataloguePorts,
  part: SearchPart,
  earlier: readonly PublishedEntry[],
  entry: PublishedEntry,
): Promise<{ agency: SearchIndexFile; merged: SearchIndexFile }> {
  const agencyId = part.key.agencyId;
  const indexed = (id?: string) =>
    earlier.some((e) => e.catalogue && (id === undefined || e.agencyId === id));
  const latest = latestPerRound([...earlier, entry]);
  let agency = withPart(
    await readIndex(ports, agencySearchPath(agencyId), indexed(agencyId)),
    part,
  );
  for (const missing of latest.filter((e) => e.agencyId === agencyId && !hasPart(agency, e))) {
    agency = withPart(agency, await rebuiltPart(ports, missing));
  }
  let merged = withPart(await readIndex(ports, SITE_PATHS.mergedSearch, indexed()), part);
  const agencies = new Map<string, SearchIndexFile>([[agencyId, agency]]);
  for (const missing of latest.filter((e) => !hasPart(merged, e))) {
    let own = agencies.get(missing.agencyId);
    if (!own) {
      own = await readIndex(ports, agencySearchPath(missing.agencyId), indexed(missing.agencyId));
      agencies.set(missing.agencyId, own);
    }
    const found = own.parts.find(
      (p) => roundKeyOf(p.key) === roundKeyOf(missing) && p.key.version === missing.version,
    );
    merged = withPart(merged, found ?? (await rebuiltPart(ports, missing)));
  }
  return { agency, merged };
}

async function putShared(
  ports: CataloguePorts,
  files: PublishedFile[],
  path: string,
  body: string | Uint8Array,
  type: string,
): Promise<void> {
  files.push(await putFile(ports, path, body, type, REVALIDATE));
}

/**
 * The agency's and the merged search index with this version's part in
 * place. Written before the version's index line, so that line proves them
 * (see readIndex); `earlier` is the index as it stood before it.
 */
export async function publishSearchIndexes(
  ports: CataloguePorts,
  report: Report,
  entry: PublishedEntry,
  earlier: readonly PublishedEntry[],
): Promise<PublishedFile[]> {
  const files: PublishedFile[] = [];
  const part = searchPart(report, hrefOf(entry), entry.version);
  const search = await updatedSearchIndexes(ports, part, earlier, entry);
  await putShared(
    ports,
    files,
    agencySearchPath(entry.agencyId),
    JSON.stringify(search.agency),
    TYPES.json,
  );
  await putShared(ports, files, SITE_PATHS.mergedSearch, JSON.stringify(search.merged), TYPES.json);
  // What the catalogue page fetches first: the merged index is megabytes at 100 agencies.
  await putShared(
    ports,
    files,
    SITE_PATHS.searchTerms,
    JSON.stringify(searchTermMap(search.merged)),
    TYPES.json,
  );
  return files;
}

/**
 * The site's shared catalogue files once `entry` is listed: pages, scripts,
 * open data, DCAT and schemas. Returns each file written with its sha256.
 */
export async function publishCatalogueFiles(
  ports: CataloguePorts,
  entry: PublishedEntry,
  entries: readonly PublishedEntry[],
): Promise<PublishedFile[]> {
  const files: PublishedFile[] = [];
  const put = (path: string, body: string | Uint8Array, type: string) =>
    putShared(ports, files, path, body, type);
  const listed = catalogued(entries);
  await put(SITE_PATHS.catalogueHtml, renderCatalogueIndexHtml(listed), TYPES.html);
  await put(
    agencyPagePath(entry.agencyId),
    renderAgencyPageHtml(entry.agencyId, listed),
    TYPES.html,
  );
  await put(SITE_PATHS.verifyHtml, renderVerifyHtml(), TYPES.html);
  await put(SITE_PATHS.languageScript, LANGUAGE_SCRIPT, TYPES.js);
  await put(SITE_PATHS.searchScript, SEARCH_SCRIPT, TYPES.js);
  await put(SITE_PATHS.verifyScript, VERIFY_SCRIPT, TYPES.js);

  const rows = nationalRows(entries);
  await put(SITE_PATHS.nationalCsv, nationalCsv(rows), TYPES.csv);
  await put(SITE_PATHS.nationalJson, json({ reports: rows }), TYPES.json);
  const [csvFile, jsonFile] = files.slice(-2) as [PublishedFile, PublishedFile];
  const dcat = dcatCatalogue(
    entries,
    {
      csvSha256: csvFile.sha256,
      csvBytes: csvFile.bytes,
      jsonSha256: jsonFile.sha256,
      jsonBytes: jsonFile.bytes,
    },
    { siteUrl: ports.siteUrl ?? '', modified: ports.now().toISOString() },
  );
  await put(SITE_PATHS.dcatContext, json(DCAT_CONTEXT), TYPES.jsonld);
  await put(SITE_PATHS.dcat, json(dcat), TYPES.jsonld);
  for (const type of DOCUMENT_TYPES) {
    await put(schemaPath(type), json(documentJsonSchema(type)), TYPES.json);
  }
  return files;
}
