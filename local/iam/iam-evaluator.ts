/**
 * Decides one request of one role with @cloud-copilot/iam-simulate: the
 * role's identity policies and the target's resource policy from the
 * template, the action, the resource ARN and the request's condition keys.
 * Requests arrive over TLS in AWS (every bucket and queue denies anything
 * else), so aws:SecureTransport is true here though the emulators speak HTTP.
 * A simulation that cannot run (an action or ARN it does not know) is
 * undecided, with the simulator's own reason. Alike questions (verdict-key.ts)
 * share one simulation; a denial still names its own request.
 */

import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { IamCheck } from './aws-request.js';
import type { PolicyDocument, RolePolicies, TemplatePolicies } from './template-policies.js';
import { verdictKeys } from './verdict-key.js';

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

/** A verdict without the request's own words, so one serves every request with the same key. */
type Outcome =
  | { decision: 'allowed' }
  | { decision: 'denied'; explicit: boolean; resourceBased: boolean }
  | { decision: 'undecided'; reason: string };

export function createIamEvaluator(policies: TemplatePolicies, accountId: string): IamEvaluator {
  // Alike questions are asked thousands of times in a run; the answer never changes.
  const answers = new Map<string, Promise<Outcome>>();
  const keyOf = verdictKeys();
  const decide = async (role: RolePolicies, check: IamCheck): Promise<Outcome> => {
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
      return { decision: 'undecided', reason: result.errors.message };
    }
    if (result.overallResult === 'Allowed') return { decision: 'allowed' };
    return {
      decision: 'denied',
      explicit: result.overallResult === 'ExplicitlyDenied',
      resourceBased: resourcePolicy !== undefined,
    };
  };
  const answer = (key: string, role: RolePolicies, check: IamCheck) => {
    let outcome = answers.get(key);
    if (!outcome) {
      outcome = decide(role, check);
      answers.set(key, outcome);
    }
    return outcome;
  };
  const exactKey = (role: RolePolicies, check: IamCheck) =>
    JSON.stringify([role.roleLogicalId, check.action, check.resource, check.context]);
  return {
    async evaluate(role, session, check) {
      const resourcePolicy = resourcePolicyOf(policies, check.resource);
      const applying = resourcePolicy
        ? [...role.policies.map((p) => p.policy), resourcePolicy]
        : role.policies.map((p) => p.policy);
      let outcome = await answer(keyOf(role.roleLogicalId, applying, check), role, check);
      // A simulator error may be about this very request: it is asked on its own.
      if (outcome.decision === 'undecided')
        outcome = await answer(exactKey(role, check), role, check);
      if (outcome.decision !== 'denied') return outcome;
      const because = outcome.explicit
        ? `with an explicit deny in a ${outcome.resourceBased ? 'resource-based' : 'identity-based'} policy`
        : `because no identity-based policy allows the ${check.action} action`;
      return {
        decision: 'denied',
        message: `User: ${session} is not authorized to perform: ${check.action} on resource: ${check.resource} ${because}`,
      };
    },
  };
}
