/**
 * E-mail through Amazon SES: the sending identity (a verified domain or
 * address), From address and configuration set are deployment parameters,
 * so one template serves any agency. Builds the two functions that mail
 * people, from their manifests: the approvals-queue consumer and the daily
 * digest. Their roles may call ses:SendEmail on that identity and
 * configuration set only, and the notifier may read group members
 * (ListUsersInGroup) of the user pool only.
 */

import { CfnParameter, Stack } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
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

    const resources: FunctionResources = {
      table: props.table,
      userPool: props.userPool,
      approvalsQueue: props.approvalsQueue,
      portalUrl: props.portalUrl,
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
