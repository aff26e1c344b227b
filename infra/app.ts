/**
 * The CDK app: `npx cdk synth -c stage=prod -c agencies=opdc,moi
 * -c account=123456789012 -c region=ap-southeast-7`. Synth needs no AWS
 * account and no Docker (esbuild bundles locally).
 */

import { App } from 'aws-cdk-lib';
import { AcmReportStack } from './acm-report-stack.js';
import { deployTarget, optionalSetting, refuseSecretSettings } from './deploy-target.js';

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
const context = (key: string) => app.node.tryGetContext(key);
refuseSecretSettings(context);
const alarmEmail = optionalSetting(context, 'alarmEmail');
const env = deployTarget(context);

new AcmReportStack(app, `AcmReport-${stage}`, {
  stage,
  agencies: list(app.node.tryGetContext('agencies'), []),
  portalOrigins: list(app.node.tryGetContext('portalOrigins'), ['https://localhost']),
  ...(alarmEmail ? { alarmEmail } : {}),
  ...(env ? { env } : {}),
  description: `acm-report (${stage}): anti-corruption plan monitoring reports`,
});
