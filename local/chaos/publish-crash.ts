/**
 * Chaos phase 3: publishing crashes between writing a report's versioned
 * objects and writing the site index. The seed round is published once; a
 * second round (the same plan a year later) is then taken to sign-off while
 * every write of the index fails. At that moment the published objects of
 * the new report exist, and the old index must still be whole: every file
 * it lists is there with the sha256 it states. Once the fault is gone, the
 * state machine's retry of the publish task completes the publication.
 */

import { createHash } from 'node:crypto';
import { type PublishedEntry, publishedPrefix } from '../../shared/publish/published-entry.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import { INDEX_PATHS } from '../../shared/workflow/publish-round.js';
import { runSeedRoundScenario } from '../seed-round-scenario.js';
import { type ChaosContext, waitUntil } from './chaos-context.js';

export interface IndexCheck {
  entries: number;
  /** Files listed by the index that are missing or differ from their sha256. */
  broken: string[];
}

export interface PublishCrashReport {
  /** Index writes the fault made fail. */
  failedIndexWrites: number;
  /** The index while publishing was failing: still the old one, and whole. */
  duringCrash: IndexCheck & { listsNewReport: boolean; newReportObjectsWritten: boolean };
  /** The index once the publish task's retry went through. */
  afterRecovery: IndexCheck & { listsNewReport: boolean };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readIndex(siteUrl: string): Promise<PublishedEntry[]> {
  const response = await fetch(`${siteUrl}/${INDEX_PATHS.json}`);
  if (!response.ok) throw new Error(`index.json: ${response.status}`);
  return ((await response.json()) as { reports: PublishedEntry[] }).reports;
}

/** Fetches every file the index lists and compares it with the index's sha256. */
export async function checkIndex(
  siteUrl: string,
): Promise<IndexCheck & { list: PublishedEntry[] }> {
  const list = await readIndex(siteUrl);
  const broken: string[] = [];
  for (const entry of list) {
    for (const kind of ['json', 'pdf', 'html'] as const) {
      const response = await fetch(`${siteUrl}/${entry.paths[kind]}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (!response.ok || sha256(bytes) !== entry.sha256[kind]) broken.push(entry.paths[kind]);
    }
  }
  return { entries: list.length, broken, list };
}

const isReportOf = (report: Report) => (entry: PublishedEntry) =>
  entry.fiscalYear === report.fiscalYear && entry.period === report.period;

export async function publishCrash(ctx: ChaosContext, seed: Report): Promise<PublishCrashReport> {
  const faults = ctx.stack.faults;
  if (!faults) throw new Error('the stack must be started with faults on');
  const quiet = () => undefined;
  ctx.log(`  publishing FY ${seed.fiscalYear} ${seed.period} normally …`);
  await runSeedRoundScenario(ctx.stack, seed, quiet);

  const next: Report = { ...seed, fiscalYear: seed.fiscalYear + 1 };
  const indexKeys = Object.values(INDEX_PATHS).map((key) => `/${ctx.stack.publishedBucket}/${key}`);
  const restore = faults.inject({
    name: 'crash-before-index',
    matches: (request) =>
      request.service === 's3' && request.method === 'PUT' && indexKeys.includes(request.path),
  });
  ctx.log(`  publishing FY ${next.fiscalYear} ${next.period} while every index write fails …`);
  const publishing = runSeedRoundScenario(ctx.stack, next, quiet);
  await waitUntil(
    'publishing reaches the index',
    () => (faults.failures()['crash-before-index'] ?? 0) > 0,
    120_000,
  );
  const during = await checkIndex(ctx.stack.siteUrl);
  const base = publishedPrefix(seed.agency.id, next.fiscalYear, next.period, 1);
  const objects = await fetch(`${ctx.stack.siteUrl}/${base}/report.json`);
  // Only its status counts; fetch holds the connection until the body is read or cancelled.
  await objects.body?.cancel();
  ctx.log(
    `  crashed before the index: the index lists ${during.entries} report(s), ${during.broken.length} broken; the fault is fixed`,
  );
  restore();
  await publishing;
  const after = await checkIndex(ctx.stack.siteUrl);
  return {
    failedIndexWrites: faults.failures()['crash-before-index'] ?? 0,
    duringCrash: {
      entries: during.entries,
      broken: during.broken,
      listsNewReport: during.list.some(isReportOf(next)),
      newReportObjectsWritten: objects.ok,
    },
    afterRecovery: {
      entries: after.entries,
      broken: after.broken,
      listsNewReport: after.list.some(isReportOf(next)),
    },
  };
}
