/**
 * The stack as the tests see it. Bundling is skipped (`bundling-stacks`
 * empty): assertions read the template, not the code, and `npx cdk synth`
 * in CI is what proves every function bundles. One synth per test file.
 */

import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AcmReportStack } from '../../infra/acm-report-stack.js';

export function synthStack(stage = 'test') {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new AcmReportStack(app, `AcmReport-${stage}`, {
    stage,
    agencies: ['opdc'],
    portalOrigins: ['https://portal.example.go.th'],
    env: { account: '123456789012', region: 'ap-southeast-1' },
  });
  return { app, stack, template: Template.fromStack(stack) };
}
