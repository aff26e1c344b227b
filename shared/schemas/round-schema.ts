/**
 * A reporting round: which agency, which fiscal year and period, which plan
 * items, who is responsible for each, by when, and who approves.
 */

import { z } from 'zod';
import {
  Code,
  FiscalYear,
  IsoDate,
  ItemKind,
  PeriodCode,
  SCHEMA_VERSION,
  Title,
  wholeNumber,
} from './text-fields.js';

export const MAX_PLAN_ITEMS = 5_000;

/** Roles that can hold a step of a plan item's approval chain. */
export const ApprovalRole = z.enum([
  'division-director',
  'anti-corruption-centre',
  'internal-audit',
]);
export type ApprovalRoleCode = z.output<typeof ApprovalRole>;

export const DEFAULT_APPROVAL_CHAIN: ApprovalRoleCode[] = [
  'division-director',
  'anti-corruption-centre',
];

export const Agency = z.strictObject({
  id: Code,
  nameTh: Title,
  nameEn: Title.optional(),
});

export const PlanItem = z.strictObject({
  no: wholeNumber(1, MAX_PLAN_ITEMS),
  kind: ItemKind,
  title: Title,
  division: Code,
});
export type PlanItemValue = z.output<typeof PlanItem>;

export const RoundSchema = z
  .strictObject({
    type: z.literal('round'),
    schemaVersion: z.literal(SCHEMA_VERSION),
    agency: Agency,
    fiscalYear: FiscalYear,
    period: PeriodCode,
    due: IsoDate,
    approvalChain: z.array(ApprovalRole).min(1).max(5).default(DEFAULT_APPROVAL_CHAIN),
    items: z.array(PlanItem).min(1).max(MAX_PLAN_ITEMS),
  })
  .superRefine((round, ctx) => {
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
  });

export type Round = z.output<typeof RoundSchema>;
export type RoundInput = z.input<typeof RoundSchema>;
