/**
 * The published report document: the round, every plan item with its
 * approved content in plan order, and the roll-ups. It is what report.json
 * holds and what every renderer (text, PDF, HTML) reads.
 */

import { Agency, Division, PlanItem } from './round-schema.js';
import { BudgetUsed } from './submission-schema.js';
import {
  Body,
  Code,
  FiscalYear,
  IsoDate,
  NoneOrBody,
  PeriodCode,
  SCHEMA_VERSION,
  Title,
} from './text-fields.js';
import * as z from './zod-mini.js';

/** A canonical decimal amount of Baht ("23963535", "1250.50"). */
const Decimal = z.string().check(z.regex(/^\d+(?:\.\d{2})?$/, { error: 'budget.notANumber' }));
const Count = z.number().check(z.int(), z.gte(0));

/** Where an item's content came from, so a reader can trace it to an upload. */
export const Provenance = z.strictObject({
  submissionId: z.string().check(z.minLength(1), z.maxLength(200)),
  version: z.number().check(z.int(), z.gte(1)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

export const ReportItem = z.extend(PlanItem, {
  objectives: Body,
  progress: Body,
  budgetUsed: BudgetUsed,
  problems: NoneOrBody,
  recommendations: NoneOrBody,
  provenance: z.optional(Provenance),
});
export type ReportItemValue = z.output<typeof ReportItem>;

const RollupTotals = z.strictObject({
  items: Count,
  budgetUsed: Decimal,
  itemsWithBudget: Count,
  itemsWithoutBudget: Count,
  itemsWithProblems: Count,
  itemsWithRecommendations: Count,
});

export const Rollup = z.extend(RollupTotals, {
  byKind: z.strictObject({
    project: Count,
    activity: Count,
    measure: Count,
  }),
  byDivision: z.array(z.extend(RollupTotals, { division: Code })),
});
export type RollupValue = z.output<typeof Rollup>;

/**
 * Who signed the published report off, as a Thai report prints it: the
 * head's name and position (ตำแหน่ง) and when. Never an e-mail address or
 * any other contact detail (PDPA); the audit trail keeps the Cognito sub.
 */
export const SignOff = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  position: z.string().check(z.minLength(1), z.maxLength(200)),
  role: z.literal('agency-head'),
  at: z.iso.datetime({ offset: true }),
});

export const ReportSchema = z.strictObject({
  type: z.literal('report'),
  schemaVersion: z.literal(SCHEMA_VERSION),
  agency: Agency,
  fiscalYear: FiscalYear,
  period: PeriodCode,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  title: Title,
  items: z.array(ReportItem).check(z.minLength(1)),
  /**
   * Optional (additive): the names of the divisions the items name by code,
   * from the round. Without it (a round opened before divisions had names)
   * every renderer prints the code, the only name there is.
   */
  divisions: z.optional(z.array(Division)),
  rollup: Rollup,
  signOff: z.optional(SignOff),
  publishedVersion: z.optional(z.number().check(z.int(), z.gte(1))),
});

export type Report = z.output<typeof ReportSchema>;
