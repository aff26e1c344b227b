/**
 * Decides one request of one role with @cloud-copilot/iam-simulate: the
 * role's identity policies and the target's resource policy from the
 * template, the action, the resource ARN and the request's condition keys.
 * Requests arrive over TLS in AWS (every bucket and queue denies anything
 * else), so aws:SecureTransport is true here though the emulators speak HTTP.
 * A simulation that cannot run (an action or ARN it does not know) is
 * undecided, with the simulator's own reason.
 */

import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { IamCheck } from './aws-request.js';
import type { PolicyDocument, RolePolicies, TemplatePolicies } from './template-policies.js';

export type IamVerdict =
  | { decision: 'allowed' }
  | { decision: 'denied'; message: string }
  | { decision: 'undecided'; reason: string };

export interface IamEvaluator {
  evaluate(role: RolePolicies, session: string, check: IamCheck): Promise<IamVerdict>;
}

function resourcePolicyOf(
  policies: TemplatePolicies,
  resource: string,
): PolicyDocument | undefined {
  const bucket = /^arn:aws:s3:::([^/]+)/.exec(resource)?.[1];
  return policies.resourcePolicies.get(bucket ? `arn:aws:s3:::${bucket}` : resource);
}

export function createIamEvaluator(policies: TemplatePolicies, accountId: string): IamEvaluator {
  // The same question is asked thousands of times in a run; the answer never changes.
  const answers = new Map<string, Promise<IamVerdict>>();
  const decide = async (role: RolePolicies, session: string, check: IamCheck) => {
    const resourcePolicy = resourcePolicyOf(policies, check.resource);
    const result = await runSimulation(
      {
        request: {
          principal: role.roleArn,
          action: check.action,
          resource: { resource: check.resource, accountId },
          contextVariables: { 'aws:SecureTransport': 'true', ...check.context },
        },
        identityPolicies: role.policies.map(({ name, policy }) => ({ name, policy })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        ...(resourcePolicy ? { resourcePolicy } : {}),
      },
      {},
    );
    if (result.resultType === 'error') {
      return { decision: 'undecided', reason: result.errors.message } as const;
    }
    if (result.overallResult === 'Allowed') return { decision: 'allowed' } as const;
    const because =
      result.overallResult === 'ExplicitlyDenied'
        ? `with an explicit deny in a ${resourcePolicy ? 'resource-based' : 'identity-based'} policy`
        : `because no identity-based policy allows the ${check.action} action`;
    return {
      decision: 'denied',
      message: `User: ${session} is not authorized to perform: ${check.action} on resource: ${check.resource} ${because}`,
    } as const;
  };
  return {
    evaluate(role, session, check) {
      const key = JSON.stringify([role.roleLogicalId, check.action, check.resource, check.context]);
      let answer = answers.get(key);
      if (!answer) {
        answer = decide(role, session, check);
        answers.set(key, answer);
      }
      return answer;
    },
  };
}
