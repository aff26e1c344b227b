/**
 * The CDK app: `npx cdk synth -c stage=prod -c agencies=opdc,moi`. Synth
 * needs no AWS account and no Docker (esbuild bundles locally).
 */

import { App } from 'aws-cdk-lib';
import { AcmReportStack } from './acm-report-stack.js';

const app = new App();
const list = (value: unknown, fallback: string[]) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : Array.isArray(value)
      ? value.map(String)
      : fallback;

const stage = String(app.node.tryGetContext('stage') ?? 'dev');
const webhook = app.node.tryGetContext('notifyWebhookUrl');

new AcmReportStack(app, `AcmReport-${stage}`, {
  stage,
  agencies: list(app.node.tryGetContext('agencies'), []),
  portalOrigins: list(app.node.tryGetContext('portalOrigins'), ['https://localhost']),
  ...(typeof webhook === 'string' && webhook ? { notifyWebhookUrl: webhook } : {}),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: `acm-report (${stage}): anti-corruption plan monitoring reports`,
});
