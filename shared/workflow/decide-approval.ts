/**
 * An approver's decision: authorise, record it once (a conditional write),
 * then resume the waiting step with the current task token. Safe to repeat:
 * the same decision again resumes again and changes nothing else.
 */

import type { Validated } from '../validation/validation-problem.js';
import type { Approval } from './approval.js';
import { type DecisionRequest, planDecision } from './approval-decision.js';
import { mayDecide } from './authorisation.js';
import type { Caller } from './caller.js';
import type { ApprovalStore, Workflow } from './ports.js';
import { workflowProblem } from './workflow-messages.js';

export interface DecidePorts {
  approvals: ApprovalStore;
  workflow: Workflow;
  now: () => Date;
}

export type DecideOutcome =
  | { kind: 'decided'; approval: Approval; workflow: 'resumed' | 'gone' }
  | { kind: 'not-found' | 'forbidden' | 'conflict'; problems: Validated<never>['problems'] };

/** A reminder may swap the token between our read and our resume; try the newest one. */
const MAX_RESUMES = 3;

export async function decideApproval(
  ports: DecidePorts,
  caller: Caller,
  agencyId: string,
  approvalId: string,
  request: DecisionRequest,
): Promise<DecideOutcome> {
  let stored = await ports.approvals.get(agencyId, approvalId);
  if (!stored) {
    return {
      kind: 'not-found',
      problems: [workflowProblem('approval.notFound', '$', { approvalId })],
    };
  }
  const denied = mayDecide(caller, stored.approval);
  if (denied) return { kind: 'forbidden', problems: [denied] };

  let plan = planDecision(stored.approval, caller, request, ports.now());
  if (plan.kind === 'record' && !(await ports.approvals.settle(plan.decided))) {
    // Someone (or our own retry) settled it first: decide again against what is stored.
    stored = await ports.approvals.get(agencyId, approvalId);
    if (!stored) throw new Error(`approval ${approvalId} vanished`);
    plan = planDecision(stored.approval, caller, request, ports.now());
  }
  if (plan.kind === 'conflict') return { kind: 'conflict', problems: [plan.problem] };

  let token = stored.taskToken;
  let result: 'resumed' | 'gone' = 'gone';
  for (let attempt = 0; attempt < MAX_RESUMES; attempt += 1) {
    result = await ports.workflow.resume(token, plan.output);
    if (result === 'resumed') break;
    const fresh = await ports.approvals.get(agencyId, approvalId);
    if (!fresh || fresh.taskToken === token) break;
    token = fresh.taskToken;
  }
  const approval = plan.kind === 'record' ? plan.decided : stored.approval;
  return { kind: 'decided', approval, workflow: result };
}
