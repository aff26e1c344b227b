/**
 * One intake benchmark case, run in a fresh process so peak memory is its
 * own: the embedded local stack, a round of `items` plan items, then one
 * JSON submission per item uploaded through the API's presigned POST by the
 * item's division: at most `concurrency` submitters at once, each waiting
 * for its validation result as `acm-report submit` does (polling the upload
 * backing off from 200 ms to 2 s). An item is done when its upload is accepted and its
 * division director has been sent the approval request (the notice reaches
 * the local chat webhook).
 *
 * A warm-up round (the same fiscal year, period FY, four times `concurrency` items)
 * goes through first, so the timed round measures a warm stack, not module
 * loading and JIT compilation.
 *
 * Then, outside the timed part, it checks that nothing was lost: every
 * upload accepted as version 1, exactly one SUBMISSION version per item in
 * DynamoDB, one approval execution per item and none failed, one approval
 * request per item, nothing dead-lettered. Any loss throws.
 *
 * Usage: intake-case.ts <items> [concurrency] [round items ≥ items]. A round
 * larger than the uploads isolates what the round's size costs each upload.
 * Prints one JSON line (IntakeCaseOutput).
 */

import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { deadLetteredMessages } from '../local/chaos/chaos-context.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/embedded-services.js';
import { startLocalStack } from '../local/local-stack.js';
import { readSeedPlan, syntheticRound, syntheticSubmission } from '../local/synthetic-round.js';
import {
  AcmApiClient,
  CONTENT_TYPES,
  postPresigned,
  waitForUpload,
} from '../shared/adapters/acm-api-client.js';
import { submissionPartition } from '../shared/adapters/table-keys.js';
import type { Round } from '../shared/schemas/round-schema.js';

export interface IntakeCaseOutput {
  items: number;
  roundItems: number;
  concurrency: number;
  /** First upload request to the last item done. */
  wallMs: number;
  /** Items done per second of wall time. */
  itemsPerSecond: number;
  /** Per item, from the upload request until accepted and approval requested (ms). */
  latencyMs: { p50: number; p95: number; max: number };
  /** Per item, from the upload request until the API reports it accepted (ms). */
  acceptedMs: { p50: number; p95: number };
  /** Per item, from the upload request until the director's notice arrives (ms). */
  notifiedMs: { p50: number; p95: number };
  /** Function invocations per upload in the timed round (get-upload: the submitters' polls). */
  invocationsPerUpload: Record<string, number>;
  /** CPU time of the process during the timed round, per upload (ms): user + system. */
  cpuMsPerUpload: number;
  /** RSS with the stack started and warmed up, before the timed round (KiB). */
  readyRssKiB: number;
  /** Peak RSS until then: synthesis, module loading, the warm-up round (KiB). */
  readyMaxRssKiB: number;
  /** Peak RSS of the process up to the end of the timed round (KiB). */
  maxRssKiB: number;
  /**
   * Heap still in use after the timed round, over before it, after a full GC
   * (MiB; 0 without --expose-gc): what the stack keeps per item it holds.
   */
  retainedHeapMiB: number;
  /** Process start to the stack ready and warmed up (ms). */
  startupMs: number;
  /** Opening the timed round, before its first upload (ms). */
  openMs: number;
  checks: {
    accepted: number;
    storedVersions: number;
    executions: number;
    /** Executions that are not RUNNING (waiting on the director): failed, timed out, aborted. */
    executionsNotWaiting: number;
    approvalRequests: number;
    duplicateRequests: number;
    deadLettered: number;
    handlerErrors: number;
  };
}

const [sizeText, concurrencyText, roundText] = process.argv.slice(2);
const size = Number(sizeText);
const concurrency = Number(concurrencyText ?? 32);
const roundItems = Number(roundText ?? size);
if (
  !Number.isInteger(size) ||
  size < 1 ||
  !Number.isInteger(concurrency) ||
  concurrency < 1 ||
  !Number.isInteger(roundItems) ||
  roundItems < size
) {
  throw new Error('usage: intake-case.ts <items> [concurrency] [round items ≥ items]');
}

// The SDK's notice that it will need Node 22 from 2027 says nothing about this run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/** Runs `work` on every index in [0, count) with at most `limit` running at once. */
async function eachBounded(
  count: number,
  limit: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

/** How long a submitter waits for one upload's result before the case fails. */
const UPLOAD_WAIT_MS = 600_000;

const startedAt = performance.now();
const seed = await readSeedPlan();
const seedRound = seed.round;
const agencyId = seedRound.agency.id;
const kinds = seedRound.items.length;

// The director's approval request, as the notifier delivers it, marks an item done.
const requested = new Map<string, number>();
const requestWaiters = new Map<string, () => void>();
/** Every approval request delivered, duplicates included. */
const deliveries: string[] = [];
let handlerErrors = 0;
const itemKey = (roundId: string, itemNo: number) => `${roundId}#${itemNo}`;

const stack = await startLocalStack({
  agencyId,
  divisions: seedRound.items.map((item) => item.division),
  log: (line) => {
    // The event sources report handler errors this way; SQS retries them.
    if (line.startsWith('  !')) {
      handlerErrors++;
      console.error(line);
    }
  },
  onNotice: (notice) => {
    if (notice.kind !== 'approval-requested' || notice.role !== 'division-director') return;
    if (notice.itemNo === undefined) return;
    const key = itemKey(notice.roundId, notice.itemNo);
    deliveries.push(key);
    if (requested.has(key)) return;
    requested.set(key, performance.now());
    requestWaiters.get(key)?.();
  },
});

// Counts invocations per function: the API server, the event sources and the
// state machine runner all call through this property.
const invocations = new Map<string, number>();
const invoke = stack.functions.invoke;
stack.functions.invoke = (nameOrArn, event) => {
  const { folder } = stack.functions.byArnOrName(nameOrArn);
  invocations.set(folder, (invocations.get(folder) ?? 0) + 1);
  return invoke(nameOrArn, event);
};

const clientOf = (id: string) => new AcmApiClient(stack.apiUrl, stack.tokenFor(id));
const coordinator = clientOf('coordinator');
const staff = seedRound.items.map((item) => clientOf(`staff-${item.no}`));
const encoder = new TextEncoder();

interface Timings {
  latency: number[];
  accepted: number[];
  notified: number[];
  versions: Map<number, number>;
}

interface OpenRound {
  roundId: string;
  round: Round;
}

/** Opens a round (the coordinator, once a term), resolving with its id once it is open. */
async function openRound(round: Round): Promise<OpenRound> {
  const { roundId } = await coordinator.openRound(agencyId, round);
  await stack.settle(120_000);
  return { roundId, round };
}

/** Submits `count` items of an open round; resolves when every one is done. */
async function submitRound(
  { roundId, round }: OpenRound,
  count: number,
): Promise<{ roundId: string } & Timings> {
  const timings: Timings = { latency: [], accepted: [], notified: [], versions: new Map() };
  await eachBounded(count, concurrency, async (index) => {
    const itemNo = index + 1;
    const source = index % kinds;
    const client = staff[source] as AcmApiClient;
    const submission = syntheticSubmission(seed, round, itemNo);
    const key = itemKey(roundId, itemNo);
    const requestSeen = new Promise<void>((resolve) => {
      if (requested.has(key)) resolve();
      else requestWaiters.set(key, resolve);
    });
    const started = performance.now();
    const presigned = await client.requestUpload(agencyId, roundId, itemNo, 'json');
    await postPresigned(
      presigned.post,
      encoder.encode(JSON.stringify(submission, null, 2)),
      `item-${itemNo}.json`,
      CONTENT_TYPES.json,
    );
    // Generous: on a machine shared with other work an upload can queue for minutes; the
    // latency figures still count every second of it.
    const result = await waitForUpload(client, agencyId, presigned.uploadId, UPLOAD_WAIT_MS);
    const acceptedAt = performance.now();
    if (result.status !== 'accepted') {
      throw new Error(`item ${itemNo} was ${result.status}: ${JSON.stringify(result.problems)}`);
    }
    timings.versions.set(itemNo, result.version ?? 0);
    // The submitter is done once accepted; the item is done once its approval is requested too.
    await requestSeen;
    requestWaiters.delete(key);
    const requestedAt = requested.get(key) ?? acceptedAt;
    timings.accepted.push(acceptedAt - started);
    timings.notified.push(requestedAt - started);
    timings.latency.push(Math.max(acceptedAt, requestedAt) - started);
  });
  return { roundId, ...timings };
}

/** Heap in use after a full collection (MiB), when the process runs with --expose-gc. */
const gc = (globalThis as { gc?: () => void }).gc;
const liveHeapMiB = () => {
  if (!gc) return 0;
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

// Four waves of submitters: one wave left the first timed cases still compiling (500 uploads ran
// at 2.7/s, 1,000 at 3.0/s, so twice the uploads took ×1.79 the time).
const warmUpItems = 4 * concurrency;
await submitRound(
  await openRound(syntheticRound(seed, warmUpItems, { period: 'FY' })),
  warmUpItems,
);
await stack.settle(120_000);
const startupMs = performance.now() - startedAt;
const readyHeapMiB = liveHeapMiB();
const readyRssKiB = process.memoryUsage().rss / 1024;
const readyMaxRssKiB = process.resourceUsage().maxRSS;
invocations.clear();

// Opening the round is the coordinator's, once a term, not part of any upload: it is timed on its
// own, so the upload figures say what an upload costs in a round of this size (inside them, the
// 5,000 rows of a large round's opening were charged to its 500 uploads).
const openStarted = performance.now();
const timedRound = await openRound(syntheticRound(seed, roundItems));
const openMs = performance.now() - openStarted;
invocations.clear();
const cpuBefore = process.cpuUsage();
const timedStart = performance.now();
const { roundId, latency, accepted, notified, versions } = await submitRound(timedRound, size);
const wallMs = performance.now() - timedStart;
const cpu = process.cpuUsage(cpuBefore);
const maxRssKiB = process.resourceUsage().maxRSS;
const invocationsPerUpload = Object.fromEntries(
  [...invocations.entries()].sort().map(([name, count]) => [name, count / size]),
);

// Nothing lost: checked where it lives, outside the timed part.
await stack.settle(120_000);
const retainedHeapMiB = liveHeapMiB() - readyHeapMiB;
const dynamo = new DynamoDBClient({
  region: LOCAL_REGION,
  credentials: LOCAL_CREDENTIALS,
  endpoint: stack.services.endpoints.dynamodb,
});
let storedVersions = 0;
const wrongVersions: number[] = [];
await eachBounded(size, 16, async (index) => {
  const itemNo = index + 1;
  const page = await dynamo.send(
    new QueryCommand({
      TableName: stack.resources.tableName,
      // The versions, not the converted documents kept beside them (D#…).
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: {
        ':pk': { S: submissionPartition(agencyId, roundId, itemNo) },
        ':v': { S: 'V#' },
      },
      ConsistentRead: true,
    }),
  );
  const keys = (page.Items ?? []).map((item) => item.sk?.S);
  storedVersions += keys.length;
  if (keys.length !== 1 || keys[0] !== 'V#000001') wrongVersions.push(itemNo);
});
const executions = stack.stepFunctions.executions().filter((e) => e.name.includes(`-${roundId}-`));
// Every execution should be waiting on its director's decision.
const executionsNotWaiting = executions.filter((e) => e.status !== 'RUNNING').length;
const deadLettered = deadLetteredMessages(stack);
await stack.close();

const inTimedRound = (key: string) => key.startsWith(`${roundId}#`);
const requestedHere = [...requested.keys()].filter(inTimedRound).length;
const approvalRequests = deliveries.filter(inTimedRound).length;
const lost = [
  versions.size !== size && `${size - versions.size} uploads not accepted`,
  [...versions.values()].some((v) => v !== 1) && 'an upload was accepted as a version other than 1',
  wrongVersions.length > 0 &&
    `${wrongVersions.length} items without exactly one stored version (first: item ${wrongVersions[0]})`,
  storedVersions !== size && `${storedVersions} versions stored for ${size} items`,
  requestedHere !== size && `${size - requestedHere} approval requests never delivered`,
  executions.length !== size && `${executions.length} executions for ${size} items`,
  executionsNotWaiting > 0 && `${executionsNotWaiting} executions no longer waiting on approval`,
  deadLettered > 0 && `${deadLettered} messages dead-lettered`,
].filter((problem): problem is string => typeof problem === 'string');
if (lost.length > 0) throw new Error(`intake lost work: ${lost.join('; ')}`);

const output: IntakeCaseOutput = {
  items: size,
  roundItems,
  concurrency,
  wallMs,
  itemsPerSecond: size / (wallMs / 1000),
  latencyMs: {
    p50: percentile(latency, 50),
    p95: percentile(latency, 95),
    max: Math.max(...latency),
  },
  acceptedMs: { p50: percentile(accepted, 50), p95: percentile(accepted, 95) },
  notifiedMs: { p50: percentile(notified, 50), p95: percentile(notified, 95) },
  invocationsPerUpload,
  cpuMsPerUpload: (cpu.user + cpu.system) / 1000 / size,
  readyRssKiB,
  readyMaxRssKiB,
  maxRssKiB,
  retainedHeapMiB,
  startupMs,
  openMs,
  checks: {
    accepted: versions.size,
    storedVersions,
    executions: executions.length,
    executionsNotWaiting,
    approvalRequests,
    duplicateRequests: approvalRequests - requestedHere,
    deadLettered,
    handlerErrors,
  },
};
console.log(JSON.stringify(output));
