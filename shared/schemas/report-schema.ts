/**
 * The published report document: the round, every plan item with its
 * approved content in plan order, and the roll-ups. It is what report.json
 * holds and what every renderer (text, PDF, HTML) reads.
 */

import { z } from 'zod';
import { Agency, ApprovalRole, PlanItem } from './round-schema.js';
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

/** A canonical decimal amount of Baht ("23963535", "1250.50"). */
const Decimal = z.string().regex(/^\d+(?:\.\d{2})?$/, { error: 'budget.notANumber' });
const Count = z.number().int().min(0);

/** Where an item's content came from, so a reader can trace it to an upload. */
export const Provenance = z.strictObject({
  submissionId: z.string().min(1).max(200),
  version: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ReportItem = PlanItem.extend({
  objectives: Body,
  progress: Body,
  budgetUsed: BudgetUsed,
  problems: NoneOrBody,
  recommendations: NoneOrBody,
  provenance: Provenance.optional(),
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

export const Rollup = RollupTotals.extend({
  byKind: z.strictObject({
    project: Count,
    activity: Count,
    measure: Count,
  }),
  byDivision: z.array(RollupTotals.extend({ division: Code })),
});
export type RollupValue = z.output<typeof Rollup>;

export const SignOff = z.strictObject({
  by: z.string().min(1).max(200),
  role: z.union([ApprovalRole, z.literal('agency-head')]),
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
  items: z.array(ReportItem).min(1),
  rollup: Rollup,
  signOff: SignOff.optional(),
  publishedVersion: z.number().int().min(1).optional(),
});

export type Report = z.output<typeof ReportSchema>;
