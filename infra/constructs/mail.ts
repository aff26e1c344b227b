/**
 * E-mail through Amazon SES: the sending identity (a verified domain or
 * address) and configuration set are deployment parameters, so one
 * template serves any agency. The notifier and the daily digest may call
 * ses:SendEmail on that identity and configuration set only, and read the
 * members of groups in the user pool (ListUsersInGroup) only.
 */

import { ArnFormat, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { AcmFunction } from './acm-function.js';
import { grantTable } from './grants.js';

export interface MailProps {
  stage: string;
  table: ITable;
  userPool: IUserPool;
  agencies: string[];
  portalUrl: string;
  /** The approvals-queue consumer, already built by the approval chain. */
  notifier: AcmFunction;
}

export class Mail extends Construct {
  readonly identity: CfnParameter;
  readonly from: CfnParameter;
  readonly configurationSet: CfnParameter;
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

    this.digest = new AcmFunction(this, 'SendDigest', {
      name: 'send-digest',
      stage: props.stage,
      description: 'Mails each person one daily digest of the reminders kept for them',
      timeout: Duration.minutes(5),
      environment: { AGENCIES: props.agencies.join(',') },
    });
    // 07:00 in Bangkok (UTC+7, no daylight saving): the previous day's reminders.
    new Rule(this, 'Daily', {
      schedule: Schedule.cron({ minute: '0', hour: '0' }),
      targets: [new LambdaFunction(this.digest.function, { retryAttempts: 2 })],
    });

    for (const fn of [props.notifier, this.digest]) {
      const environment = {
        TABLE_NAME: props.table.tableName,
        MAIL_FROM: this.from.valueAsString,
        SES_CONFIGURATION_SET: this.configurationSet.valueAsString,
        PORTAL_URL: props.portalUrl,
      };
      for (const [key, value] of Object.entries(environment))
        fn.function.addEnvironment(key, value);
      this.grantSend(fn.function);
      // Rounds for names; the mail ledger and digest rows (conditional writes).
      grantTable(fn.function, props.table, [
        'GetItem',
        'PutItem',
        'UpdateItem',
        'DeleteItem',
        'Query',
      ]);
    }
    props.notifier.function.addEnvironment('USER_POOL_ID', props.userPool.userPoolId);
    props.notifier.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['cognito-idp:ListUsersInGroup'],
        resources: [props.userPool.userPoolArn],
      }),
    );
  }

  /** ses:SendEmail on the identity and the configuration set, and nothing else. */
  private grantSend(fn: IFunction): void {
    const stack = Stack.of(this);
    const arn = (resource: string, name: string) =>
      stack.formatArn({
        service: 'ses',
        resource,
        resourceName: name,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          arn('identity', this.identity.valueAsString),
          arn('configuration-set', this.configurationSet.valueAsString),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.from.valueAsString } },
      }),
    );
  }
}
