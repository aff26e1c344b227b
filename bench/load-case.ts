/**
 * Load on the embedded stack, in a fresh process: 2,000 uploads started at
 * the same moment (two rounds of 1,000 plan items, the largest round that
 * fits one DynamoDB item), each a presigned-POST request then the POST
 * itself, with nobody polling: an upload is done when its director's
 * approval request reaches the notifier. Before it, in the same process,
 * the baseline: 64 uploads, 8 at a time, on the warmed-up stack.
 *
 * Then, outside the timed part, nothing may be lost: every upload accepted
 * as version 1 of its item, one execution each, none failed, nothing
 * dead-lettered. Any loss throws.
 *
 * Usage: load-case.ts [uploads = 2000]. Prints one JSON line (LoadCaseOutput).
 */

import {
  chaosContext,
  deadLetteredMessages,
  postUploads,
  requestUploads,
  storedVersions,
} from '../local/chaos/chaos-context.js';
import { startLocalStack } from '../local/local-stack.js';
import { readSeedPlan, syntheticRound } from '../local/synthetic-round.js';
import type { Round } from '../shared/schemas/round-schema.js';

export interface LoadFigures {
  uploads: number;
  atOnce: number;
  wallMs: number;
  uploadsPerSecond: number;
  latencyMs: { p50: number; p95: number; max: number };
}

export interface LoadCaseOutput {
  baseline: LoadFigures;
  load: LoadFigures;
  peakRssMiB: number;
  /** HTTP requests sent again after the connection was reset. */
  connectionRetries: number;
  /** Requests the generator keeps open at a time. */
  openRequests: number;
  checks: {
    stored: number;
    executions: number;
    executionsNotWaiting: number;
    deadLettered: number;
  };
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';

const total = Number(process.argv[2] ?? 2000);
if (!Number.isInteger(total) || total < 2) throw new Error('usage: load-case.ts [uploads ≥ 2]');
/** Items per round: 1,000 Thai plan items make a round record of about 340 KB. */
const ROUND_ITEMS = 1000;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

const seed = await readSeedPlan();
const done = new Map<string, () => void>();
const stack = await startLocalStack({
  agencyId: seed.round.agency.id,
  divisions: seed.round.items.map((item) => item.division),
  onNotice: (notice) => {
    if (notice.kind !== 'approval-requested' || notice.role !== 'division-director') return;
    done.get(`${notice.roundId}#${notice.itemNo}`)?.();
  },
});
const ctx = chaosContext(stack, seed, () => {});
const coordinator = ctx.clientOf('coordinator');

interface Slice {
  round: Round;
  roundId: string;
  itemNos: number[];
}

async function openRounds(count: number, firstYear: number): Promise<Slice[]> {
  const slices: Slice[] = [];
  for (let start = 0, year = firstYear; start < count; start += ROUND_ITEMS, year += 1) {
    const size = Math.min(ROUND_ITEMS, count - start);
    const round = syntheticRound(seed, size, { fiscalYear: year, period: 'FY' });
    const { roundId } = await coordinator.openRound(ctx.agencyId, round);
    slices.push({ round, roundId, itemNos: Array.from({ length: size }, (_, i) => i + 1) });
  }
  return slices;
}

/**
 * The load generator's HTTP connections: every upload is started at once,
 * but at most this many requests are open at a time, as a gateway or a
 * browser's connection pool would hold them; the rest queue here.
 */
const OPEN_REQUESTS = 256;
let open = 0;
const waiting: Array<() => void> = [];
let connectionRetries = 0;

async function overPool<T>(request: () => Promise<T>): Promise<T> {
  if (open >= OPEN_REQUESTS) await new Promise<void>((resolve) => waiting.push(resolve));
  open += 1;
  try {
    // A connection the server closed as it was reused ("fetch failed"): send again, as
    // clients do; both requests are safe to repeat (a new upload id, the same object).
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await request();
      } catch (error) {
        if (!(error instanceof TypeError) || attempt === 3) throw error;
        connectionRetries += 1;
      }
    }
  } finally {
    open -= 1;
    waiting.shift()?.();
  }
}

/** One upload, timed from asking for the presigned POST until the director is asked. */
async function timedUpload(slice: Slice, itemNo: number): Promise<number> {
  const finished = new Promise<void>((resolve) => done.set(`${slice.roundId}#${itemNo}`, resolve));
  const started = performance.now();
  const requested = await overPool(() => requestUploads(ctx, slice.roundId, [itemNo]));
  await overPool(() => postUploads(ctx, slice.round, requested));
  await finished;
  return performance.now() - started;
}

async function run(slices: Slice[], atOnce: number): Promise<LoadFigures> {
  const work = slices.flatMap((slice) => slice.itemNos.map((itemNo) => ({ slice, itemNo })));
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(atOnce, work.length) }, async () => {
      while (next < work.length) {
        const job = work[next++];
        if (job) latencies.push(await timedUpload(job.slice, job.itemNo));
      }
    }),
  );
  const wallMs = performance.now() - started;
  await stack.settle(300_000);
  return {
    uploads: work.length,
    atOnce,
    wallMs,
    uploadsPerSecond: work.length / (wallMs / 1000),
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
    },
  };
}

// Warm up (module loading, JIT), then the baseline, then everything at once.
await run(await openRounds(16, 2500), 8);
const baseline = await run(await openRounds(64, 2520), 8);
const slices = await openRounds(total, 2540);
const load = await run(slices, total);

const stored = (
  await Promise.all(slices.map((s) => storedVersions(ctx, s.roundId, s.itemNos)))
).reduce((a, b) => a + b, 0);
const executions = stack.stepFunctions
  .executions()
  .filter((e) => slices.some((s) => e.name.includes(`-${s.roundId}-`)));
const executionsNotWaiting = executions.filter((e) => e.status !== 'RUNNING').length;
const deadLettered = deadLetteredMessages(stack);
await stack.close();

const lost = [
  stored !== total && `${stored} versions stored for ${total} uploads`,
  executions.length !== total && `${executions.length} executions for ${total} uploads`,
  executionsNotWaiting > 0 && `${executionsNotWaiting} executions no longer waiting`,
  deadLettered > 0 && `${deadLettered} messages dead-lettered`,
].filter((problem): problem is string => typeof problem === 'string');
if (lost.length > 0) throw new Error(`load lost work: ${lost.join('; ')}`);

const output: LoadCaseOutput = {
  baseline,
  load,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  connectionRetries,
  openRequests: OPEN_REQUESTS,
  checks: {
    stored,
    executions: executions.length,
    executionsNotWaiting,
    deadLettered,
  },
};
console.log(JSON.stringify(output));
