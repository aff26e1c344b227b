/**
 * Deciding an approval: validate the request body, then work out what the
 * decision changes. Repeating the same decision is not an error: a client
 * retrying after a timeout must get the same answer, and the state machine
 * must still be told (the first attempt may have died before telling it).
 */

import * as z from '../schemas/zod-mini.js';
import { normaliseParagraph } from '../thai/normalise-text.js';
import { validateWith } from '../validation/validate-with.js';
import type { Validated, ValidationProblem } from '../validation/validation-problem.js';
import { type Approval, type Decision, type DecisionOutput, outputOf } from './approval.js';
import type { Caller } from './caller.js';
import { workflowProblem } from './workflow-messages.js';

export const MAX_COMMENT_CHARS = 2_000;

const DecisionRequestSchema = z.strictObject({
  decision: z.enum(['approve', 'return']),
  comment: z.optional(
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((value: string) => normaliseParagraph(value.replace(/[\r\n]+/g, ' '))),
      ),
      z.string().check(z.maxLength(MAX_COMMENT_CHARS)),
    ),
  ),
});

export interface DecisionRequest {
  decision: Decision;
  comment?: string;
}

export function readDecisionRequest(input: unknown): Validated<DecisionRequest> {
  const parsed = validateWith(DecisionRequestSchema, input);
  if (!parsed.ok) return parsed;
  const { decision, comment } = parsed.value;
  if (decision === 'return' && !comment) {
    return { ok: false, problems: [workflowProblem('approval.commentRequired', '$.comment')] };
  }
  return { ok: true, value: comment ? { decision, comment } : { decision }, problems: [] };
}

export type DecisionPlan =
  /** Record the decision (conditionally: only while still pending), then resume the workflow. */
  | { kind: 'record'; decided: Approval; output: DecisionOutput }
  /** Already decided the same way by the same person: just resume the workflow again. */
  | { kind: 'repeat'; output: DecisionOutput }
  | { kind: 'conflict'; problem: ValidationProblem };

const STATUS_OF: Record<Decision, 'approved' | 'returned'> = {
  approve: 'approved',
  return: 'returned',
};

export function planDecision(
  approval: Approval,
  caller: Caller,
  request: DecisionRequest,
  now: Date,
): DecisionPlan {
  const status = STATUS_OF[request.decision];
  if (approval.status !== 'pending') {
    const output = outputOf(approval);
    if (output && approval.status === status && approval.decidedBy === caller.sub) {
      return { kind: 'repeat', output };
    }
    return {
      kind: 'conflict',
      problem: workflowProblem('approval.alreadyDecided', '$', { status: approval.status }),
    };
  }
  // The published report prints the head's name and position: refuse a
  // sign-off that could print neither, before anything is recorded.
  if (approval.subject.kind === 'sign-off' && request.decision === 'approve') {
    if (!caller.position || caller.name === caller.sub) {
      return { kind: 'conflict', problem: workflowProblem('signOff.profileIncomplete', '$') };
    }
  }
  const decided: Approval = {
    ...approval,
    status,
    decidedBy: caller.sub,
    decidedByName: caller.name,
    ...(caller.position ? { decidedByPosition: caller.position } : {}),
    decidedAt: now.toISOString(),
    ...(request.comment ? { comment: request.comment } : {}),
  };
  return { kind: 'record', decided, output: outputOf(decided) as DecisionOutput };
}
