/**
 * The IAM policies of the synthesised template, resolved against the local
 * resources: each role's identity policies (its inline policies and every
 * AWS::IAM::Policy attached to it) and each bucket's and queue's resource
 * policy. These, not the manifests, are what the local IAM front evaluates:
 * what would be deployed is what is enforced.
 */

import {
  type CfnTemplate,
  LOCAL_ACCOUNT,
  type LocalNames,
  resolveIntrinsics,
  resourcesOfType,
} from '../local-template.js';

export interface PolicyDocument {
  Version?: string;
  Statement: unknown[];
}

export interface RolePolicies {
  roleLogicalId: string;
  roleArn: string;
  policies: { name: string; policy: PolicyDocument }[];
  /** Managed policies the evaluator has no text for. */
  managedPolicyArns: string[];
}

export interface TemplatePolicies {
  roles: Map<string, RolePolicies>;
  /** Resource ARN (bucket or queue) → its resource policy. */
  resourcePolicies: Map<string, PolicyDocument>;
  /**
   * Role grants whose resource did not resolve to an ARN ("role: resource").
   * The simulator reads such a resource as matching anything, so each is
   * reported, never left to allow silently.
   */
  unresolved: string[];
}

/** Resources of a policy's statements that are neither "*" nor an ARN. */
function unresolvedResources(document: PolicyDocument): string[] {
  return document.Statement.flatMap((statement) => {
    const resource = (statement as { Resource?: unknown }).Resource;
    const list = Array.isArray(resource) ? resource : resource === undefined ? [] : [resource];
    return list.filter((r) => typeof r !== 'string' || (r !== '*' && !r.startsWith('arn:')));
  }).map(String);
}

const refOf = (value: unknown) => (value as { Ref?: string } | undefined)?.Ref;

export function templatePolicies(template: CfnTemplate, names: LocalNames): TemplatePolicies {
  const roles = new Map<string, RolePolicies>();
  for (const [id, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
    const p = role.Properties ?? {};
    const inline = (p.Policies ?? []) as { PolicyName: string; PolicyDocument: unknown }[];
    roles.set(id, {
      roleLogicalId: id,
      roleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/${id}`,
      policies: inline.map((entry) => ({
        name: entry.PolicyName,
        policy: resolveIntrinsics(entry.PolicyDocument, names) as PolicyDocument,
      })),
      managedPolicyArns: ((p.ManagedPolicyArns ?? []) as unknown[]).map((arn) =>
        String(resolveIntrinsics(arn, names)),
      ),
    });
  }
  for (const [id, policy] of resourcesOfType(template, 'AWS::IAM::Policy')) {
    const p = policy.Properties ?? {};
    const document = resolveIntrinsics(p.PolicyDocument, names) as PolicyDocument;
    for (const role of (p.Roles ?? []) as unknown[]) {
      const roleId = refOf(role);
      const entry = roleId ? roles.get(roleId) : undefined;
      entry?.policies.push({ name: String(p.PolicyName ?? id), policy: document });
    }
  }

  const resourcePolicies = new Map<string, PolicyDocument>();
  for (const [, policy] of resourcesOfType(template, 'AWS::S3::BucketPolicy')) {
    const bucket = refOf(policy.Properties?.Bucket);
    if (!bucket) continue;
    resourcePolicies.set(
      `arn:aws:s3:::${names.ref(bucket)}`,
      resolveIntrinsics(policy.Properties?.PolicyDocument, names) as PolicyDocument,
    );
  }
  for (const [, policy] of resourcesOfType(template, 'AWS::SQS::QueuePolicy')) {
    const document = resolveIntrinsics(policy.Properties?.PolicyDocument, names) as PolicyDocument;
    for (const queue of (policy.Properties?.Queues ?? []) as unknown[]) {
      const queueId = refOf(queue);
      if (queueId) resourcePolicies.set(names.getAtt(queueId, 'Arn'), document);
    }
  }
  const unresolved = [...roles.values()].flatMap((role) =>
    role.policies.flatMap(({ policy }) =>
      unresolvedResources(policy).map((resource) => `${role.roleLogicalId}: ${resource}`),
    ),
  );
  return { roles, resourcePolicies, unresolved };
}
