/**
 * The approval chain: the state machine, the functions its tasks call, the
 * `approvals` queue (+ DLQ) its notices go to, and the notifier that
 * consumes that queue.
 */

import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AcmFunction } from './acm-function.js';
import { ApprovalStateMachine, type WaitTimeouts } from './approval-state-machine.js';
import { grantObjects, grantTable } from './grants.js';
import { QueueWithDlq } from './queue-with-dlq.js';

export const NOTIFIER_TIMEOUT = Duration.seconds(30);

export interface ApprovalChainProps {
  stage: string;
  table: Table;
  incoming: Bucket;
  stateMachineName: string;
  stateMachineArn: string;
  publishReport: IFunction;
  waits?: WaitTimeouts;
  notifyWebhookUrl?: string;
}

export class ApprovalChain extends Construct {
  readonly approvals: QueueWithDlq;
  readonly workflow: ApprovalStateMachine;
  readonly approvalRequest: AcmFunction;
  readonly recordOutcome: AcmFunction;
  readonly rollUpRound: AcmFunction;
  readonly notifier: AcmFunction;

  constructor(scope: Construct, id: string, props: ApprovalChainProps) {
    super(scope, id);
    const { stage, table } = props;
    this.approvals = new QueueWithDlq(this, 'Approvals', {
      queueName: `acm-report-${stage}-approvals`,
      consumerTimeout: NOTIFIER_TIMEOUT,
    });
    const queueUrl = this.approvals.queue.queueUrl;

    this.approvalRequest = new AcmFunction(this, 'ApprovalRequest', {
      name: 'approval-request',
      stage,
      description: 'Records a pending approval and its task token, notifies the approvers',
      environment: {
        TABLE_NAME: table.tableName,
        APPROVALS_QUEUE_URL: queueUrl,
        STATE_MACHINE_ARN: props.stateMachineArn,
      },
    });
    grantTable(this.approvalRequest.function, table, ['GetItem', 'PutItem', 'UpdateItem']);
    this.approvals.queue.grantSendMessages(this.approvalRequest.function);
    // Only to hand back a decision made while the step was being re-asked.
    this.approvalRequest.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:SendTaskSuccess'],
        resources: [props.stateMachineArn],
      }),
    );

    this.recordOutcome = new AcmFunction(this, 'RecordOutcome', {
      name: 'record-outcome',
      stage,
      description: 'Records how an approval chain or sign-off ended; claims the round sign-off',
      environment: { TABLE_NAME: table.tableName, APPROVALS_QUEUE_URL: queueUrl },
    });
    grantTable(this.recordOutcome.function, table, ['BatchGetItem', 'Query', 'UpdateItem']);
    this.approvals.queue.grantSendMessages(this.recordOutcome.function);

    this.rollUpRound = new AcmFunction(this, 'RollUpRound', {
      name: 'roll-up-round',
      stage,
      description: 'Builds the round report from the approved versions for sign-off',
      timeout: Duration.seconds(60),
      memorySize: 1024,
      environment: { TABLE_NAME: table.tableName, INCOMING_BUCKET: props.incoming.bucketName },
    });
    grantTable(this.rollUpRound.function, table, ['Query', 'BatchGetItem']);
    grantObjects(
      this.rollUpRound.function,
      props.incoming,
      ['GetObject'],
      'submissions/',
      'the roll-up reads every approved submission.',
    );
    grantObjects(
      this.rollUpRound.function,
      props.incoming,
      ['PutObject'],
      'drafts/',
      'the roll-up writes the draft report per sign-off attempt.',
    );

    this.notifier = new AcmFunction(this, 'NotifyApprovers', {
      name: 'notify-approvers',
      stage,
      description:
        'Mails approval notices to the people who hold their groups (SES), chat webhook optional',
      timeout: NOTIFIER_TIMEOUT,
      environment: props.notifyWebhookUrl ? { NOTIFY_WEBHOOK_URL: props.notifyWebhookUrl } : {},
    });
    this.notifier.function.addEventSource(
      new SqsEventSource(this.approvals.queue, { batchSize: 10, reportBatchItemFailures: true }),
    );

    this.workflow = new ApprovalStateMachine(this, 'Workflow', {
      stateMachineName: props.stateMachineName,
      approvalRequest: this.approvalRequest.function,
      recordOutcome: this.recordOutcome.function,
      rollUpRound: this.rollUpRound.function,
      publishReport: props.publishReport,
      ...(props.waits ? { waits: props.waits } : {}),
    });
  }
}
