/**
 * The stack as the tests see it. Bundling is skipped (`bundling-stacks`
 * empty): assertions read the template, not the code, and `npx cdk synth`
 * in CI is what proves every function bundles.
 *
 * The unit files share a worker's module graph (vitest.config.ts), so one
 * synth per stage serves every file that only reads the template: a synth
 * costs seconds of CPU, and five files read the same one. A test that
 * changes or annotates the construct tree (cdk-nag) takes a fresh one.
 */

import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AcmReportStack } from '../../infra/acm-report-stack.js';

type Synthesised = { app: App; stack: AcmReportStack; template: Template };

const synthesised = new Map<string, Synthesised>();

/** A stack of its own, for a test that adds to the construct tree. */
export function synthFreshStack(stage = 'test'): Synthesised {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new AcmReportStack(app, `AcmReport-${stage}`, {
    stage,
    agencies: ['opdc'],
    portalOrigins: ['https://portal.example.go.th'],
    env: { account: '123456789012', region: 'ap-southeast-1' },
  });
  return { app, stack, template: Template.fromStack(stack) };
}

/** The stage's stack, synthesised once per worker; read it, do not change it. */
export function synthStack(stage = 'test'): Synthesised {
  let found = synthesised.get(stage);
  if (!found) {
    found = synthFreshStack(stage);
    synthesised.set(stage, found);
  }
  return found;
}
