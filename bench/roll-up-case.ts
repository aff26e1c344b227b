/**
 * One roll-up benchmark case, in a fresh process: the embedded local stack,
 * a round of `items` plan items opened through the API and made approved in
 * bulk (local/seed-approved-items.ts), then the roll-up-round function as
 * the state machine calls it (its own environment and IAM role), timed `runs`
 * times, each a sign-off attempt of its own. Checks that every draft holds
 * every item.
 *
 * Usage: roll-up-case.ts <items> [runs]. Prints one JSON line (RollUpCaseOutput).
 */

import { chaosContext } from '../local/chaos/chaos-context.js';
import { startLocalStack } from '../local/local-stack.js';
import { seedApprovedItems } from '../local/seed-approved-items.js';
import { readSeedPlan, syntheticRound } from '../local/synthetic-round.js';
import type { RollUpSummary } from '../shared/workflow/roll-up-round.js';

export interface RollUpCaseOutput {
  items: number;
  /** Wall time of each roll-up (ms). */
  runsMs: number[];
  /** CPU time of the process during each roll-up (ms): user + system, emulators included. */
  cpuMs: number[];
}

const [itemsText, runsText] = process.argv.slice(2);
const items = Number(itemsText);
const runs = Number(runsText ?? 3);
if (!Number.isInteger(items) || items < 1 || !Number.isInteger(runs) || runs < 1) {
  throw new Error('usage: roll-up-case.ts <items> [runs]');
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

const seed = await readSeedPlan();
const stack = await startLocalStack({
  agencyId: seed.round.agency.id,
  divisions: seed.round.items.map((item) => item.division),
  portal: false,
});
const ctx = chaosContext(stack, seed, () => {});
const round = syntheticRound(seed, items, { period: 'FY' });
const { roundId } = await ctx.clientOf('coordinator').openRound(ctx.agencyId, round);
await seedApprovedItems(
  stack,
  seed,
  { agencyId: ctx.agencyId, roundId, round },
  round.items.map((item) => item.no),
);
const rollUp = stack.functions.all.find((fn) => fn.folder === 'roll-up-round');
if (!rollUp) throw new Error('no roll-up-round function in the template');

const runsMs: number[] = [];
const cpuMs: number[] = [];
// Attempt 1 warms the function up (module loading, JIT); the timed runs follow.
for (let attempt = 1; attempt <= runs + 1; attempt += 1) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const summary = (await stack.functions.invoke(rollUp.name, {
    signOff: { agencyId: ctx.agencyId, roundId, attempt },
  })) as RollUpSummary;
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (summary.items !== items)
    throw new Error(`the draft holds ${summary.items} of ${items} items`);
  if (attempt === 1) continue;
  runsMs.push(wall);
  cpuMs.push((cpu.user + cpu.system) / 1000);
}
await stack.close();
const output: RollUpCaseOutput = { items, runsMs, cpuMs };
console.log(JSON.stringify(output));
