/** Small readers over a synthesised template, so assertions read as sentences. */

import type { Template } from 'aws-cdk-lib/assertions';

export interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

export function resourcesOf(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

export const actionsOf = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

export const resourceList = (statement: Statement) =>
  Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];

/** The logical id of the Lambda function whose FunctionName ends with `-{name}`. */
export function functionId(template: Template, name: string): string {
  const found = Object.entries(resourcesOf(template, 'AWS::Lambda::Function')).find(([, fn]) =>
    String(fn.Properties.FunctionName ?? '').endsWith(`-${name}`),
  );
  if (!found) throw new Error(`no function ${name}`);
  return found[0];
}

/** The statements of every inline policy attached to the role of the function named `name`. */
export function statementsOf(template: Template, name: string): Statement[] {
  const fn = resourcesOf(template, 'AWS::Lambda::Function')[functionId(template, name)];
  if (!fn) throw new Error(`no function ${name}`);
  const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** "service:Action" list granted to a function, X-Ray and its own logging left out. */
export function dataActionsOf(template: Template, name: string): string[] {
  return statementsOf(template, name)
    .flatMap(actionsOf)
    .filter((a) => !a.startsWith('xray:') && !a.startsWith('logs:'))
    .sort();
}

/** Renders a CloudFormation value (Fn::Join, GetAtt, Ref) as text for pattern matching. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(text).join('');
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (node['Fn::Join']) {
      const [sep, parts] = node['Fn::Join'] as [string, unknown[]];
      return parts.map(text).join(sep);
    }
    if (node['Fn::GetAtt']) return `<${(node['Fn::GetAtt'] as string[]).join('.')}>`;
    if (node.Ref) return `<${node.Ref}>`;
  }
  return JSON.stringify(value);
}
