/**
 * What a division uploads: its progress on one plan item for one round.
 * The ITA disclosure needs every field below; "none" must be said, not
 * implied by leaving a field out.
 */

import { MAX_BAHT, parseBaht, toDecimalString } from '../money/baht.js';
import {
  Body,
  Code,
  FiscalYear,
  MAX_PLAN_ITEMS,
  NoneOrBody,
  PeriodCode,
  SCHEMA_VERSION,
  wholeNumber,
} from './text-fields.js';
import * as z from './zod-mini.js';

const NO_BUDGET = new Set(['none', 'ไม่ใช้งบประมาณ', 'ไม่มี']);

/**
 * Budget used: "none" (ไม่ใช้งบประมาณ) or an exact amount in Baht, as a
 * string ("4,241,300", "๔,๒๔๑,๓๐๐.๕๐ บาท") or a whole JSON number. The output
 * is the canonical decimal string ("4241300.50"); a fractional JSON number
 * is refused because a float cannot carry satang exactly.
 */
export const BudgetUsed = z.pipe(
  z.union([z.string(), z.number()]),
  z.transformWithIssues((value: string | number, ctx): 'none' | string => {
    if (typeof value === 'number') {
      if (value < 0) {
        ctx.addIssue({ code: 'custom', params: { code: 'budget.negative' } });
        return z.NEVER;
      }
      // Before the fraction check: 1e21 is a whole number too large to be
      // money, not a fraction (and beyond 2^53 every float is "whole").
      if (value > Number(MAX_BAHT)) {
        ctx.addIssue({ code: 'custom', params: { code: 'budget.tooLarge' } });
        return z.NEVER;
      }
      if (!Number.isSafeInteger(value)) {
        ctx.addIssue({ code: 'custom', params: { code: 'budget.float' } });
        return z.NEVER;
      }
      return String(value);
    }
    if (NO_BUDGET.has(value.trim())) return 'none';
    const parsed = parseBaht(value);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        params: { code: `budget.${parsed.problem}` },
      });
      return z.NEVER;
    }
    return toDecimalString(parsed.satang);
  }),
);

export const SubmissionSchema = z.strictObject({
  type: z.literal('submission'),
  schemaVersion: z.literal(SCHEMA_VERSION),
  agencyId: Code,
  fiscalYear: FiscalYear,
  period: PeriodCode,
  itemNo: wholeNumber(1, MAX_PLAN_ITEMS),
  division: Code,
  objectives: Body,
  progress: Body,
  budgetUsed: BudgetUsed,
  problems: NoneOrBody,
  recommendations: NoneOrBody,
});

export type Submission = z.output<typeof SubmissionSchema>;
export type SubmissionInput = z.input<typeof SubmissionSchema>;

/** The parts of a submission that are the item's content (what is printed). */
export type ItemContent = Pick<
  Submission,
  'objectives' | 'progress' | 'budgetUsed' | 'problems' | 'recommendations'
>;
