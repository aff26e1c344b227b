/**
 * What `acm-report chaos` (and `npm run chaos`) does: fault injection on the
 * embedded stack, printing what came in and what was stored. Returns 1 if
 * anything was lost, left dead-lettered or left an index broken.
 */

import { EXIT_FAILED, EXIT_OK } from '../run-entry-point.js';
import { DEFAULT_CHAOS, runChaos } from './run-chaos.js';

export interface ChaosRunOptions {
  uploads: number;
  outageSeconds: number;
}

export async function reportChaos(options: ChaosRunOptions): Promise<number> {
  const uploads = Math.round(options.uploads);
  const outageMs = options.outageSeconds * 1000;
  const log = (line: string) => console.log(line);
  // Every injected failure makes a handler log a warning; the counts below say it all.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  log('Starting the embedded stack with fault injection between the handlers and DynamoDB/S3 …');
  const report = await runChaos({
    poisonedUploads: uploads,
    outageUploads: Math.max(
      2,
      Math.round((uploads * DEFAULT_CHAOS.outageUploads) / DEFAULT_CHAOS.poisonedUploads),
    ),
    outageMs,
    log,
  });
  const { totals, publishCrash: crash } = report;
  const failures = [
    totals.stored !== totals.uploadsIn && `${totals.uploadsIn - totals.stored} uploads not stored`,
    report.deadLetteredAtEnd > 0 && `${report.deadLetteredAtEnd} messages left dead-lettered`,
    report.failedExecutions > 0 && `${report.failedExecutions} executions failed`,
    crash.duringCrash.broken.length > 0 && 'the old index was broken during the crash',
    !crash.afterRecovery.listsNewReport && 'the report was not published after recovery',
    crash.afterRecovery.broken.length > 0 && 'the index is broken after recovery',
  ].filter((failure): failure is string => typeof failure === 'string');
  log('');
  log(
    `Count in ${totals.uploadsIn} = count stored ${totals.stored}${totals.stored === totals.uploadsIn ? ' ✓' : ' ✗'} · requests failed by injection ${report.poisonedRecords.failedRequests + report.tableOutage.failedRequests + crash.failedIndexWrites} · executions failed ${report.failedExecutions} · left in DLQs ${report.deadLetteredAtEnd} · ${(report.elapsedMs / 1000).toFixed(1)} s`,
  );
  if (failures.length > 0) {
    console.error(`Chaos found losses: ${failures.join('; ')}`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}
