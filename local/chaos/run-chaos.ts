/**
 * `npm run chaos`: the embedded stack with faults injected between the
 * handlers and DynamoDB and S3, through three phases (a crash before the site
 * index, poisoned records, a table outage), each ending with what came
 * in counted against what was stored.
 */

import { assembleReport } from '../../shared/report/assemble-report.js';
import { startLocalStack } from '../local-stack.js';
import { readSeedPlan, syntheticRound } from '../synthetic-round.js';
import { chaosContext, deadLetteredMessages } from './chaos-context.js';
import { type PoisonedRecordsReport, poisonedRecords } from './poisoned-records.js';
import { type PublishCrashReport, publishCrash } from './publish-crash.js';
import { type TableOutageReport, tableOutage } from './table-outage.js';

export interface ChaosOptions {
  /** Uploads in the poisoned-records phase. */
  poisonedUploads: number;
  /** Uploads in the table-outage phase. */
  outageUploads: number;
  outageMs: number;
  log: (line: string) => void;
}

export interface ChaosReport {
  poisonedRecords: PoisonedRecordsReport;
  tableOutage: TableOutageReport;
  publishCrash: PublishCrashReport;
  /** Uploads in and versions stored, over both upload phases. */
  totals: { uploadsIn: number; stored: number };
  /** Executions that failed or were aborted (a stuck item). */
  failedExecutions: number;
  /** Messages left in dead-letter queues at the end. */
  deadLetteredAtEnd: number;
  elapsedMs: number;
}

export { DEFAULT_CHAOS } from './default-chaos.js';

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = performance.now();
  const { log } = options;
  // The same folder `npm start` plays, so the crash phase publishes the real report.
  const seed = await readSeedPlan();
  const report = assembleReport(
    { source: 'round.json', value: seed.round },
    seed.submissions.map((value, index) => ({
      source: `items/${seed.round.items[index]?.no ?? index + 1}.json`,
      value,
    })),
  );
  if (!report.ok) throw new Error('the seed round does not assemble');
  const stack = await startLocalStack({
    agencyId: seed.round.agency.id,
    divisions: seed.round.items.map((item) => item.division),
    faults: true,
    // Real durations: no waiting step times out during a run, and the state
    // machine's retries wait as long as in AWS (2, 4, 8 … s).
    timeScale: 1,
  });
  try {
    const ctx = chaosContext(stack, seed, log);
    const coordinator = ctx.clientOf('coordinator');
    const numbers = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

    // First, while no other approvals wait: the seed scenario's approvers decide
    // everything in their inboxes.
    log('[1/3] Publishing crashes between the report files and the index');
    const crash = await publishCrash(ctx, report.value);
    log(
      `      index writes failed ${crash.failedIndexWrites} · old index whole: ${crash.duringCrash.broken.length === 0 && !crash.duringCrash.listsNewReport} · published after recovery: ${crash.afterRecovery.listsNewReport}`,
    );

    log(`[2/3] Intake throws for some records of a batch (${options.poisonedUploads} uploads)`);
    const first = syntheticRound(seed, options.poisonedUploads, { period: 'FY' });
    const firstId = (await coordinator.openRound(ctx.agencyId, first)).roundId;
    const poisoned = await poisonedRecords(ctx, first, firstId, numbers(first.items.length));
    log(
      `      in ${poisoned.uploads} · stored ${poisoned.stored} · dead-lettered ${poisoned.deadLettered} · redriven ${poisoned.redriven}`,
    );

    log(`[3/3] The table is unavailable for a while (${options.outageUploads} uploads)`);
    const second = syntheticRound(seed, options.outageUploads, {
      fiscalYear: seed.round.fiscalYear - 1,
      period: 'FY',
    });
    const secondId = (await coordinator.openRound(ctx.agencyId, second)).roundId;
    const outage = await tableOutage(
      ctx,
      second,
      secondId,
      numbers(second.items.length),
      options.outageMs,
    );
    log(
      `      in ${outage.uploads} · stored ${outage.stored} · 503 answers ${outage.unavailableAnswers} · dead-lettered ${outage.deadLettered} · redriven ${outage.redriven}`,
    );

    await stack.settle(60_000);
    const failedExecutions = stack.stepFunctions
      .executions()
      .filter((e) => e.status !== 'RUNNING' && e.status !== 'SUCCEEDED').length;
    const deadLetteredAtEnd = deadLetteredMessages(stack);
    return {
      poisonedRecords: poisoned,
      tableOutage: outage,
      publishCrash: crash,
      totals: {
        uploadsIn: poisoned.uploads + outage.uploads,
        stored: poisoned.stored + outage.stored,
      },
      failedExecutions,
      deadLetteredAtEnd,
      elapsedMs: performance.now() - started,
    };
  } finally {
    await stack.close();
  }
}
