/**
 * The shapes that cross the state machine: the execution input intake
 * starts, and what each task receives. The state machine definition
 * (infra/constructs/approval-state-machine.ts) builds these with JSONPath;
 * the handlers parse them with these schemas, so a drift between the two
 * fails loudly in the first task rather than quietly downstream.
 */

import { ApprovalRole } from '../schemas/approval-role.js';
import * as z from '../schemas/zod-mini.js';

const Segment = z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/));
const RoundId = z.string().check(z.regex(/^\d{4}-(?:h1|fy)$/));
const WaitingRole = z.union([ApprovalRole, z.literal('agency-head')]);
/** A whole number from `min` up. */
const count = (min: number) => z.number().check(z.int(), z.gte(min));
const nonEmpty = () => z.string().check(z.minLength(1));

export const SubmissionRefSchema = z.strictObject({
  agencyId: Segment,
  roundId: RoundId,
  itemNo: count(1),
  division: Segment,
  version: count(1),
  uploadedBy: nonEmpty(),
});

export const SignOffRefSchema = z.strictObject({
  agencyId: Segment,
  roundId: RoundId,
  attempt: count(1),
});
export type SignOffRef = z.output<typeof SignOffRefSchema>;

/** What intake starts an execution with: the version and the chain it must pass. */
export const ExecutionInputSchema = z.strictObject({
  submission: SubmissionRefSchema,
  approvalChain: z.array(ApprovalRole).check(z.minLength(1)),
});
export type ExecutionInput = z.output<typeof ExecutionInputSchema>;

export const ApprovalPhaseSchema = z.enum(['request', 'reminder', 'escalation']);

/** A waiting step: record the pending approval with this token and tell its audience. */
export const ApprovalTaskSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('item'),
    taskToken: nonEmpty(),
    phase: ApprovalPhaseSchema,
    submission: SubmissionRefSchema,
    role: WaitingRole,
    step: count(0),
  }),
  z.strictObject({
    kind: z.literal('sign-off'),
    taskToken: nonEmpty(),
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
  // Optional: executions started before positions existed carry none.
  byPosition: z.optional(z.string()),
  at: z.string(),
  comment: z.optional(z.string()),
});

/** How an item's walk through the chain ended, or how the round's sign-off did. */
export const OutcomeTaskSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('item'),
    outcome: z.enum(['approved', 'returned', 'expired']),
    submission: SubmissionRefSchema,
    approvalChain: z.array(ApprovalRole).check(z.minLength(1)),
  }),
  z.strictObject({
    kind: z.literal('sign-off'),
    outcome: z.enum(['returned', 'expired']),
    signOff: SignOffRefSchema,
    decision: z.optional(DecisionOutputSchema),
  }),
]);
export type OutcomeTask = z.output<typeof OutcomeTaskSchema>;

/** Roll-up and publish both act on one sign-off attempt of a round. */
export const RoundTaskSchema = z.strictObject({
  signOff: SignOffRefSchema,
  decision: z.optional(DecisionOutputSchema),
});
export type RoundTask = z.output<typeof RoundTaskSchema>;
