/**
 * Publishing a signed-off round: the report as JSON, PDF and HTML under a
 * new version prefix, then the agency's index. The versioned objects are
 * written first, so a crash before the index leaves the old index valid and
 * pointing only at files that exist; a retry of the same sign-off reuses its
 * version number and rewrites the same bytes.
 */

import { createHash } from 'node:crypto';
import {
  publishCatalogueFiles,
  publishReportExtras,
  publishSearchIndexes,
} from '../catalogue/publish-catalogue.js';
import { IMMUTABLE, REVALIDATE } from '../publish/cache-control.js';
import {
  type PublishedEntry,
  type PublishedFile,
  publishedPrefix,
} from '../publish/published-entry.js';
import type { Report } from '../schemas/report-schema.js';
import { validateReport } from '../validation/validate-document.js';
import type { ApprovalStore, ObjectStore, RoundStore } from './ports.js';
import { draftReportKey } from './roll-up-round.js';
import type { RoundTask } from './workflow-payloads.js';

export interface PublishedStore {
  put(roundId: string, entry: PublishedEntry): Promise<void>;
  list(): Promise<PublishedEntry[]>;
}

export interface Renderers {
  pdf(report: Report): Promise<Uint8Array>;
  html(report: Report): string;
  index(entries: readonly PublishedEntry[]): string;
}

export interface PublishPorts {
  rounds: RoundStore;
  published: PublishedStore;
  objects: ObjectStore;
  /** The approval trail, for each version's ITA evidence. */
  approvals: Pick<ApprovalStore, 'getMany'>;
  render: Renderers;
  privateBucket: string;
  publicBucket: string;
  /** The public site's absolute URL ending in "/", for the DCAT catalogue's IRIs (relative without it). */
  siteUrl?: string;
  now: () => Date;
}

const sha256 = (body: Uint8Array | string) => createHash('sha256').update(body).digest('hex');

/** The site-wide index at the root of the published bucket: every report version and every other file, with sha256. */
export const INDEX_PATHS = { json: 'index.json', html: 'index.html' } as const;

export async function publishRound(
  ports: PublishPorts,
  task: RoundTask,
): Promise<{ version: number; paths: PublishedEntry['paths'] }> {
  const { signOff: ref, decision } = task;
  if (decision?.decision !== 'approved') throw new Error('publish needs an approved sign-off');
  const draft = validateReport(
    await ports.objects.getJson(ports.privateBucket, draftReportKey(ref)),
  );
  if (!draft.ok)
    throw new Error(`draft report of ${ref.agencyId}/${ref.roundId} does not validate`);
  // The decision step refuses a sign-off without both; this guards executions started before it did.
  if (!decision.byName || !decision.byPosition)
    throw new Error(`sign-off of ${ref.agencyId}/${ref.roundId} names no signer and position`);
  const version = await ports.rounds.claimPublishedVersion(ref.agencyId, ref.roundId, ref.attempt);
  const report: Report = {
    ...draft.value,
    signOff: {
      name: decision.byName,
      position: decision.byPosition,
      role: 'agency-head',
      at: decision.at,
    },
    publishedVersion: version,
  };

  const base = publishedPrefix(report.agency.id, report.fiscalYear, report.period, version);
  const files = {
    json: { body: `${JSON.stringify(report, null, 2)}\n`, type: 'application/json; charset=utf-8' },
    pdf: { body: await ports.render.pdf(report), type: 'application/pdf' },
    html: { body: ports.render.html(report), type: 'text/html; charset=utf-8' },
  };
  const paths = {
    json: `${base}/report.json`,
    pdf: `${base}/report.pdf`,
    html: `${base}/report.html`,
  };
  const digests = {
    json: sha256(files.json.body),
    pdf: sha256(files.pdf.body),
    html: sha256(files.html.body),
  };
  for (const kind of ['json', 'pdf', 'html'] as const) {
    await ports.objects.put(ports.publicBucket, paths[kind], files[kind].body, {
      contentType: files[kind].type,
      cacheControl: IMMUTABLE,
      metadata: { sha256: digests[kind] },
    });
  }

  const listed: PublishedEntry = {
    agencyId: report.agency.id,
    agencyNameTh: report.agency.nameTh,
    fiscalYear: report.fiscalYear,
    period: report.period,
    version,
    publishedAt: ports.now().toISOString(),
    paths,
    sha256: digests,
  };
  const record = await ports.rounds.getRound(ref.agencyId, ref.roundId);
  const chain = record?.round.approvalChain ?? [];
  const entry: PublishedEntry = {
    ...listed,
    catalogue: await publishReportExtras(ports, report, ref.roundId, chain, listed),
  };
  const earlier = await ports.published.list();
  const searchFiles = await publishSearchIndexes(ports, report, entry, earlier);
  await ports.published.put(ref.roundId, entry);
  const entries = await ports.published.list();
  const siteFiles: PublishedFile[] = [
    ...searchFiles,
    ...(await publishCatalogueFiles(ports, entry, entries)),
  ];
  await ports.objects.putJson(
    ports.publicBucket,
    INDEX_PATHS.json,
    { reports: entries, files: siteFiles },
    REVALIDATE,
  );
  await ports.objects.put(ports.publicBucket, INDEX_PATHS.html, ports.render.index(entries), {
    contentType: 'text/html; charset=utf-8',
    cacheControl: REVALIDATE,
  });
  await ports.rounds.settleSignOff(ref.agencyId, ref.roundId, {
    state: 'approved',
    attempt: ref.attempt,
    at: decision.at,
    by: decision.by,
    byName: decision.byName,
    byPosition: decision.byPosition,
  });
  return { version, paths };
}
