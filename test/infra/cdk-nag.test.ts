import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthFreshStack } from './synth-stack.js';

interface Acknowledgement {
  id: string;
  reason: string;
}

/** Every cdk-nag acknowledgement recorded anywhere in the tree (CDK's own are left out). */
function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  return root.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) => Object.entries(m.data as Record<string, string>)),
    )
    .map(([key, reason]) => ({ id: key.replace(/^Annotation::/, ''), reason }))
    .filter(({ id }) => id.startsWith('AwsSolutions-'));
}

describe('cdk-nag AwsSolutions checks', () => {
  let stack: IConstruct;
  let violations: { ruleName: string; violatingResources: { constructPath?: string }[] }[];

  beforeAll(() => {
    const synthed = synthFreshStack();
    stack = synthed.stack;
    violations = new AwsSolutionsChecks(synthed.app).validateScope(synthed.stack).violations;
  }, 60_000);

  it('leaves no finding unacknowledged', () => {
    const open = violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`),
    );
    expect(open).toEqual([]);
  });

  it('gives every acknowledgement a specific reason', () => {
    const acknowledged = acknowledgementsIn(stack);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { id, reason } of acknowledged) {
      expect(id).toMatch(/^AwsSolutions-[A-Z]+\d+/);
      expect(reason.length, `${id}: "${reason}"`).toBeGreaterThan(60);
    }
  });

  it('acknowledges wildcards per finding, never a whole IAM5 rule', () => {
    const blanket = acknowledgementsIn(stack).filter((a) => a.id === 'AwsSolutions-IAM5');
    expect(blanket).toEqual([]);
  });
});
