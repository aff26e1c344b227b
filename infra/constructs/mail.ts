/**
 * E-mail through Amazon SES: the sending identity (a verified domain or
 * address), From address and configuration set are deployment parameters,
 * so one template serves any agency. Builds the two functions that mail
 * people, from their manifests: the approvals-queue consumer and the daily
 * digest. Their roles may call ses:SendEmail on that identity and
 * configuration set only, and the notifier may read group members
 * (ListUsersInGroup) of the user pool only.
 *
 * The optional chat webhook's URL is a credential (whoever holds it posts
 * into the agency's channel), so it is kept out of the template and the
 * environment: the stack creates an empty secret, the operator puts the URL
 * into it (README "Deploy"), and only the notifier may read that secret.
 * The stack creates it rather than taking an existing secret's name, so a
 * stage needs no manual step unless it wants the webhook, and the grant is
 * exact (a name given as a parameter would need a wildcard for the ARN's
 * random suffix). CloudFormation names it: a deleted secret keeps its name
 * for its recovery window, which would block re-creating a stage.
 */

import { CfnParameter, Stack, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnSecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { SettingName } from '../../functions/common/function-manifest.js';
import type { ManifestCatalog } from '../../functions/manifests.js';
import { AcmFunction, manifestNamed } from './acm-function.js';
import type { FunctionResources } from './grants.js';

export interface MailProps {
  stage: string;
  manifests: ManifestCatalog;
  table: ITable;
  userPool: IUserPool;
  approvalsQueue: IQueue;
  portalUrl: string;
  settings: Partial<Record<SettingName, string>>;
}

export class Mail extends Construct {
  readonly identity: CfnParameter;
  readonly from: CfnParameter;
  readonly configurationSet: CfnParameter;
  /** Empty until the operator puts the chat webhook's URL into it. */
  readonly webhookSecret: CfnSecret;
  readonly notifier: AcmFunction;
  readonly digest: AcmFunction;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // Parameters live on the stack, so their names are plain (no construct path).
    this.identity = new CfnParameter(stack, 'SesIdentity', {
      type: 'String',
      description:
        'The SES identity mail is sent from: a verified domain (agency.go.th) or address',
      default: 'example.invalid',
    });
    this.from = new CfnParameter(stack, 'MailFromAddress', {
      type: 'String',
      description: 'The From address of every notice; must belong to the SES identity',
      default: 'acm-report@example.invalid',
    });
    this.configurationSet = new CfnParameter(stack, 'SesConfigurationSet', {
      type: 'String',
      description: 'An existing SES configuration set (bounce and complaint events)',
      default: 'acm-report',
    });

    // No SecretString and no GenerateSecretString: a secret without a value
    // (the CDK's Secret would generate a random password). Encrypted with
    // the account's AWS-managed key for Secrets Manager, which needs no
    // kms:Decrypt grant in the reader's role.
    this.webhookSecret = new CfnSecret(this, 'NotifyWebhookSecret', {
      description: `acm-report ${props.stage}: the chat webhook URL notices are posted to (optional; empty = mail only)`,
    });
    Validations.of(this.webhookSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The webhook URL is issued by the chat service (Teams, Google Chat, Slack); no rotation Lambda can mint a new one. It is replaced by put-secret-value when the channel reissues it.',
    });

    const resources: FunctionResources = {
      table: props.table,
      userPool: props.userPool,
      approvalsQueue: props.approvalsQueue,
      portalUrl: props.portalUrl,
      notifyWebhookSecretArn: this.webhookSecret.ref,
      mailIdentity: {
        identity: this.identity.valueAsString,
        from: this.from.valueAsString,
        configurationSet: this.configurationSet.valueAsString,
      },
    };
    const build = (id: string, name: string) =>
      new AcmFunction(this, id, {
        manifest: manifestNamed(props.manifests, name),
        stage: props.stage,
        resources,
        settings: props.settings,
      });
    this.notifier = build('NotifyApprovers', 'notify-approvers');
    this.digest = build('SendDigest', 'send-digest');
  }
}
