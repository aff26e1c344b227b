/**
 * Roll-ups of a round: counts by kind, total budget used (exact, in satang),
 * items with problems or recommendations, and the same per division in the
 * order divisions first appear in the plan.
 */

import { parseBaht, type Satang, toDecimalString } from '../money/baht.js';
import type { ReportItemValue, RollupValue } from '../schemas/report-schema.js';

type RolledItem = Pick<
  ReportItemValue,
  'kind' | 'division' | 'budgetUsed' | 'problems' | 'recommendations'
>;

interface Tally {
  items: number;
  satang: Satang;
  itemsWithBudget: number;
  itemsWithoutBudget: number;
  itemsWithProblems: number;
  itemsWithRecommendations: number;
}

function emptyTally(): Tally {
  return {
    items: 0,
    satang: 0n,
    itemsWithBudget: 0,
    itemsWithoutBudget: 0,
    itemsWithProblems: 0,
    itemsWithRecommendations: 0,
  };
}

/** The budget of an item in satang; "none" is zero. */
export function budgetSatang(budgetUsed: string): Satang {
  if (budgetUsed === 'none') return 0n;
  const parsed = parseBaht(budgetUsed);
  // Documents reaching here have passed the schema, which parsed the same text.
  if (!parsed.ok) throw new Error(`unparseable budget reached roll-up: ${budgetUsed}`);
  return parsed.satang;
}

function add(tally: Tally, item: RolledItem): void {
  tally.items += 1;
  if (item.budgetUsed === 'none') tally.itemsWithoutBudget += 1;
  else tally.itemsWithBudget += 1;
  tally.satang += budgetSatang(item.budgetUsed);
  if (item.problems !== 'none') tally.itemsWithProblems += 1;
  if (item.recommendations !== 'none') tally.itemsWithRecommendations += 1;
}

function totals(tally: Tally) {
  const { satang, ...counts } = tally;
  return { ...counts, budgetUsed: toDecimalString(satang) };
}

export function computeRollup(items: readonly RolledItem[]): RollupValue {
  const all = emptyTally();
  const byKind = { project: 0, activity: 0, measure: 0 };
  const byDivision = new Map<string, Tally>();
  for (const item of items) {
    add(all, item);
    byKind[item.kind] += 1;
    let division = byDivision.get(item.division);
    if (!division) {
      division = emptyTally();
      byDivision.set(item.division, division);
    }
    add(division, item);
  }
  return {
    ...totals(all),
    byKind,
    byDivision: [...byDivision].map(([division, tally]) => ({
      division,
      ...totals(tally),
    })),
  };
}
