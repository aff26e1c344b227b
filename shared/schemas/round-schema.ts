/**
 * A reporting round: which agency, which fiscal year and period, which plan
 * items, who is responsible for each, by when, and who approves.
 */

import { ApprovalRole, DEFAULT_APPROVAL_CHAIN } from './approval-role.js';
import {
  Code,
  FiscalYear,
  IsoDate,
  ItemKind,
  MAX_PLAN_ITEMS,
  Name,
  PeriodCode,
  SCHEMA_VERSION,
  Title,
  wholeNumber,
} from './text-fields.js';
import * as z from './zod-mini.js';

export const Agency = z.strictObject({
  id: Code,
  nameTh: Title,
  nameEn: z.optional(Title),
});

export const PlanItem = z.strictObject({
  no: wholeNumber(1, MAX_PLAN_ITEMS),
  kind: ItemKind,
  title: Title,
  division: Code,
});
export type PlanItemValue = z.output<typeof PlanItem>;

/** A division's code (as in its Cognito group) and the names people read. */
export const Division = z.strictObject({
  code: Code,
  nameTh: Name,
  nameEn: z.optional(Name),
});
export type DivisionValue = z.output<typeof Division>;

/**
 * More divisions than a Thai agency has; 200 of them with both names at
 * their longest (200 characters, 3 bytes each in UTF-8) are ~240 KB.
 */
export const MAX_DIVISIONS = 200;

export const RoundSchema = z
  .strictObject({
    type: z.literal('round'),
    schemaVersion: z.literal(SCHEMA_VERSION),
    agency: Agency,
    fiscalYear: FiscalYear,
    period: PeriodCode,
    due: IsoDate,
    approvalChain: z._default(
      z.array(ApprovalRole).check(z.minLength(1), z.maxLength(5)),
      DEFAULT_APPROVAL_CHAIN,
    ),
    items: z.array(PlanItem).check(z.minLength(1), z.maxLength(MAX_PLAN_ITEMS)),
    /**
     * Optional (additive): the names of the divisions the items name by code.
     * A division without a name here (or a round from before names) is shown
     * by its code. Bounded so the round's header row, which keeps them, stays
     * far below DynamoDB's 400 KB item limit.
     */
    divisions: z.optional(z.array(Division).check(z.maxLength(MAX_DIVISIONS))),
  })
  .check(
    z.superRefine((round, ctx) => {
      // Plan items are numbered 1..n in plan order; submissions refer to them
      // by number, so a gap or a repeat would make a reference ambiguous.
      round.items.forEach((item, index) => {
        if (item.no !== index + 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['items', index, 'no'],
            params: { code: 'round.itemNumber', expected: index + 1 },
          });
        }
      });
      const seen = new Set<string>();
      round.approvalChain.forEach((role, index) => {
        if (seen.has(role)) {
          ctx.addIssue({
            code: 'custom',
            path: ['approvalChain', index],
            params: { code: 'round.repeatedRole', role },
          });
        }
        seen.add(role);
      });
      const named = new Set<string>();
      round.divisions?.forEach((division, index) => {
        if (named.has(division.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['divisions', index, 'code'],
            params: { code: 'round.repeatedDivision', division: division.code },
          });
        }
        named.add(division.code);
      });
    }),
  );

export type Round = z.output<typeof RoundSchema>;
export type RoundInput = z.input<typeof RoundSchema>;
