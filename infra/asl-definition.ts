/**
 * The state machine definition as plain Amazon States Language, read out of
 * a synthesised template. CloudFormation holds it as a `Fn::Join` of strings,
 * `Fn::GetAtt [fn, Arn]` and `Ref`s; the caller says what each of those
 * stands for (real ARNs, or local ones for the embedded runner of issue 5),
 * so tests, asl-validator and the local runner all read the very definition
 * that deploys.
 */

export interface IntrinsicResolver {
  getAtt(logicalId: string, attribute: string): string;
  ref(logicalId: string): string;
}

/** Placeholder ARNs in the shape AWS uses: enough for validation and for name-keyed overrides. */
export const PLACEHOLDER_RESOLVER: IntrinsicResolver = {
  getAtt: (logicalId) => `arn:aws:lambda:ap-southeast-1:123456789012:function:${logicalId}`,
  ref: (logicalId) => (logicalId === 'AWS::Partition' ? 'aws' : logicalId),
};

function resolve(value: unknown, resolver: IntrinsicResolver): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (Array.isArray(node['Fn::Join'])) {
      const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
      return parts.map((part) => resolve(part, resolver)).join(separator);
    }
    if (Array.isArray(node['Fn::GetAtt'])) {
      const [logicalId, attribute] = node['Fn::GetAtt'] as [string, string];
      return resolver.getAtt(logicalId, attribute);
    }
    if (typeof node.Ref === 'string') return resolver.ref(node.Ref);
  }
  throw new Error(
    `unsupported intrinsic in the definition: ${JSON.stringify(value).slice(0, 200)}`,
  );
}

interface TemplateJson {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

/** The one Step Functions state machine of a template, as parsed ASL. */
export function aslDefinitionOf(
  template: TemplateJson,
  resolver: IntrinsicResolver = PLACEHOLDER_RESOLVER,
): { logicalId: string; definition: Record<string, unknown> } {
  const machines = Object.entries(template.Resources).filter(
    ([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine',
  );
  const [only] = machines;
  if (!only || machines.length !== 1) {
    throw new Error(`expected one state machine, found ${machines.length}`);
  }
  const [logicalId, resource] = only;
  const text = resolve(resource.Properties?.DefinitionString, resolver);
  return { logicalId, definition: JSON.parse(text) as Record<string, unknown> };
}
