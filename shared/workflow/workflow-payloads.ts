/**
 * The shapes that cross the state machine: the execution input intake
 * starts, and what each task receives. The state machine definition
 * (infra/constructs/approval-state-machine.ts) builds these with JSONPath;
 * the handlers parse them with these schemas, so a drift between the two
 * fails loudly in the first task rather than quietly downstream.
 */

import { z } from 'zod';
import { ApprovalRole } from '../schemas/round-schema.js';

const Segment = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/);
const RoundId = z.string().regex(/^\d{4}-(?:h1|fy)$/);
const WaitingRole = z.union([ApprovalRole, z.literal('agency-head')]);

export const SubmissionRefSchema = z.strictObject({
  agencyId: Segment,
  roundId: RoundId,
  itemNo: z.number().int().min(1),
  division: Segment,
  version: z.number().int().min(1),
  uploadedBy: z.string().min(1),
});

export const SignOffRefSchema = z.strictObject({
  agencyId: Segment,
  roundId: RoundId,
  attempt: z.number().int().min(1),
});
export type SignOffRef = z.output<typeof SignOffRefSchema>;

/** What intake starts an execution with: the version and the chain it must pass. */
export const ExecutionInputSchema = z.strictObject({
  submission: SubmissionRefSchema,
  approvalChain: z.array(ApprovalRole).min(1),
});
export type ExecutionInput = z.output<typeof ExecutionInputSchema>;

export const ApprovalPhaseSchema = z.enum(['request', 'reminder', 'escalation']);

/** A waiting step: record the pending approval with this token and tell its audience. */
export const ApprovalTaskSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('item'),
    taskToken: z.string().min(1),
    phase: ApprovalPhaseSchema,
    submission: SubmissionRefSchema,
    role: WaitingRole,
    step: z.number().int().min(0),
  }),
  z.strictObject({
    kind: z.literal('sign-off'),
    taskToken: z.string().min(1),
    phase: ApprovalPhaseSchema,
    signOff: SignOffRefSchema,
  }),
]);
export type ApprovalTask = z.output<typeof ApprovalTaskSchema>;

export const DecisionOutputSchema = z.object({
  decision: z.enum(['approved', 'returned']),
  approvalId: z.string(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
  comment: z.string().optional(),
});

/** How an item's walk through the chain ended, or how the round's sign-off did. */
export const OutcomeTaskSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('item'),
    outcome: z.enum(['approved', 'returned', 'expired']),
    submission: SubmissionRefSchema,
    approvalChain: z.array(ApprovalRole).min(1),
  }),
  z.strictObject({
    kind: z.literal('sign-off'),
    outcome: z.enum(['returned', 'expired']),
    signOff: SignOffRefSchema,
    decision: DecisionOutputSchema.optional(),
  }),
]);
export type OutcomeTask = z.output<typeof OutcomeTaskSchema>;

/** Roll-up and publish both act on one sign-off attempt of a round. */
export const RoundTaskSchema = z.strictObject({
  signOff: SignOffRefSchema,
  decision: DecisionOutputSchema.optional(),
});
export type RoundTask = z.output<typeof RoundTaskSchema>;
