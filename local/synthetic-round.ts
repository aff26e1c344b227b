/**
 * Rounds of any size made from the seed: item n is the seed's item
 * ((n - 1) mod 6) + 1, renumbered, with that item's real submission. The
 * benchmarks and chaos runs use them to put realistic Thai documents
 * through the stack at volume.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Round } from '../shared/schemas/round-schema.js';
import type { Submission } from '../shared/schemas/submission-schema.js';
import { SEED_FOLDER } from './seed-round-scenario.js';

export interface SeedPlan {
  round: Round;
  /** The seed's submissions, in plan order. */
  submissions: Submission[];
}

const readJson = async <T>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T;

export async function readSeedPlan(): Promise<SeedPlan> {
  const round = await readJson<Round>(join(SEED_FOLDER, 'round.json'));
  const submissions = await Promise.all(
    round.items.map((item) => readJson<Submission>(join(SEED_FOLDER, 'items', `${item.no}.json`))),
  );
  return { round, submissions };
}

/** Index into the seed's items (0-based) that synthetic item `itemNo` copies. */
export const seedIndexOf = (seed: SeedPlan, itemNo: number) =>
  (itemNo - 1) % seed.round.items.length;

export function syntheticRound(
  seed: SeedPlan,
  count: number,
  when: Partial<Pick<Round, 'fiscalYear' | 'period'>> = {},
): Round {
  const kinds = seed.round.items.length;
  return {
    ...seed.round,
    ...when,
    items: Array.from({ length: count }, (_, index) => ({
      ...(seed.round.items[index % kinds] as Round['items'][number]),
      no: index + 1,
    })),
  };
}

/** The submission for item `itemNo` of a synthetic round. */
export function syntheticSubmission(seed: SeedPlan, round: Round, itemNo: number): Submission {
  return {
    ...(seed.submissions[seedIndexOf(seed, itemNo)] as Submission),
    fiscalYear: round.fiscalYear,
    period: round.period,
    itemNo,
  };
}
