/**
 * The account and region a stage is deployed to, and the deployment
 * settings, from CDK context (`-c account=… -c region=…`). Never the
 * machine's defaults (CDK_DEFAULT_ACCOUNT/REGION): those bake whatever
 * profile synthesised the template into ARNs, the token issuer and the
 * hosted UI domain. Without both, the template is environment-agnostic: the
 * account and region resolve at deploy time (pseudo parameters).
 */

import type { Environment } from 'aws-cdk-lib';

export type ContextReader = (key: string) => unknown;

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

function text(read: ContextReader, key: string): string | undefined {
  const value = read(key);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function deployTarget(read: ContextReader): Environment | undefined {
  const account = text(read, 'account');
  const region = text(read, 'region');
  if (!account && !region) return undefined;
  if (!account || !ACCOUNT.test(account)) {
    throw new Error(`-c account must be a 12-digit AWS account id (given: ${account ?? 'none'})`);
  }
  if (!region || !REGION.test(region)) {
    throw new Error(
      `-c region must be an AWS region such as ap-southeast-7 (given: ${region ?? 'none'})`,
    );
  }
  return { account, region };
}

export function optionalSetting(read: ContextReader, key: string): string | undefined {
  return text(read, key);
}

/**
 * Context that once carried a secret and must not any more: a value given
 * with -c lands in the template and the function's environment in plain
 * text. Fails the synth with what to do instead (Thai first, then English).
 */
export function refuseSecretSettings(read: ContextReader): void {
  if (!text(read, 'notifyWebhookUrl')) return;
  throw new Error(
    'ไม่รับ -c notifyWebhookUrl แล้ว: ให้ใส่ URL ของ webhook ใน secret ของ stack ' +
      '(output NotifyWebhookSecretArn) ด้วย `aws secretsmanager put-secret-value` ดู README หัวข้อ "Deploy" / ' +
      '-c notifyWebhookUrl is no longer read: a URL given as context would sit in plain text in the ' +
      "template and the environment. Put it into the stack's secret (output NotifyWebhookSecretArn) with " +
      '`aws secretsmanager put-secret-value`; see README "Deploy".',
  );
}
