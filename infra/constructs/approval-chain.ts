/**
 * The approval chain: the state machine, the functions its tasks call and
 * the `approvals` queue (+ DLQ) its notices go to (its consumer, the
 * notifier, mails people: see mail.ts). Each function is built from its manifest.
 */

import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { SettingName } from '../../functions/common/function-manifest.js';
import type { ManifestCatalog } from '../../functions/manifests.js';
import { AcmFunction, manifestNamed } from './acm-function.js';
import { ApprovalStateMachine, type WaitTimeouts } from './approval-state-machine.js';
import type { FunctionResources } from './grants.js';
import { QueueWithDlq } from './queue-with-dlq.js';

export interface ApprovalChainProps {
  stage: string;
  manifests: ManifestCatalog;
  table: Table;
  incoming: Bucket;
  stateMachineName: string;
  stateMachineArn: string;
  publishReport: IFunction;
  waits?: WaitTimeouts;
  settings?: Partial<Record<SettingName, string>>;
}

export class ApprovalChain extends Construct {
  readonly approvals: QueueWithDlq;
  readonly workflow: ApprovalStateMachine;
  readonly approvalRequest: AcmFunction;
  readonly recordOutcome: AcmFunction;
  readonly rollUpRound: AcmFunction;

  constructor(scope: Construct, id: string, props: ApprovalChainProps) {
    super(scope, id);
    const { stage } = props;
    const notifier = manifestNamed(props.manifests, 'notify-approvers');
    this.approvals = new QueueWithDlq(this, 'Approvals', {
      queueName: `acm-report-${stage}-approvals`,
      consumerTimeout: Duration.seconds(notifier.timeoutSeconds),
    });
    const resources: FunctionResources = {
      table: props.table,
      incomingBucket: props.incoming,
      approvalsQueue: this.approvals.queue,
      stateMachineArn: props.stateMachineArn,
    };
    const build = (id: string, name: string) =>
      new AcmFunction(this, id, {
        manifest: manifestNamed(props.manifests, name),
        stage,
        resources,
        ...(props.settings ? { settings: props.settings } : {}),
      });
    this.approvalRequest = build('ApprovalRequest', 'approval-request');
    this.recordOutcome = build('RecordOutcome', 'record-outcome');
    this.rollUpRound = build('RollUpRound', 'roll-up-round');

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
