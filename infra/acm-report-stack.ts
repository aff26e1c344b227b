/**
 * The acm-report stack: storage, intake, the approval chain, publishing, the
 * API and the alarms, named per stage so several stages share an account.
 */

import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpMethods } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { type ManifestCatalog, manifestCatalog } from '../functions/manifests.js';
import { AcmFunction } from './constructs/acm-function.js';
import { Api } from './constructs/api.js';
import { ApprovalChain } from './constructs/approval-chain.js';
import type { WaitTimeouts } from './constructs/approval-state-machine.js';
import { Intake } from './constructs/intake.js';
import { Mail } from './constructs/mail.js';
import { Operations } from './constructs/operations.js';
import { PortalHosting } from './constructs/portal-hosting.js';
import { Publishing } from './constructs/publishing.js';
import { Storage } from './constructs/storage.js';
import { acknowledgeStackFindings } from './nag-acknowledgements.js';

export interface AcmReportStackProps extends StackProps {
  stage: string;
  /** Agencies whose role groups the user pool gets. */
  agencies: string[];
  /** Web portal origins (CORS for the API and for browser uploads). */
  portalOrigins: string[];
  /** Where alarm notices go (an SNS e-mail subscription). */
  alarmEmail?: string;
  waits?: WaitTimeouts;
  /** The functions' manifests (default: every one in functions/); a test may alter one. */
  manifests?: ManifestCatalog;
}

export class AcmReportStack extends Stack {
  readonly storage: Storage;
  readonly intake: Intake;
  readonly approvalChain: ApprovalChain;
  readonly publishing: Publishing;
  readonly api: Api;
  readonly operations: Operations;
  readonly portal: PortalHosting;
  readonly mail: Mail;

  constructor(scope: Construct, id: string, props: AcmReportStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const manifests = props.manifests ?? manifestCatalog();
    // Named, not referenced: functions the state machine invokes also need its ARN.
    const stateMachineName = `acm-report-${stage}-approvals`;
    const stateMachineArn = AcmFunction.stateMachineArn(this, stateMachineName);

    this.storage = new Storage(this, 'Storage', { stage, uploadOrigins: props.portalOrigins });
    const { table, incoming, published, accessLogs } = this.storage;
    this.publishing = new Publishing(this, 'Publishing', {
      stage,
      manifests,
      table,
      incoming,
      published,
      accessLogs,
    });
    this.portal = new PortalHosting(this, 'Portal', { stage, accessLogs });
    // Browsers upload from the portal straight to the incoming bucket.
    incoming.addCorsRule({
      allowedMethods: [HttpMethods.POST],
      allowedOrigins: [this.portal.url],
      allowedHeaders: ['*'],
      maxAge: 3000,
    });
    this.approvalChain = new ApprovalChain(this, 'ApprovalChain', {
      stage,
      manifests,
      table,
      incoming,
      stateMachineName,
      stateMachineArn,
      publishReport: this.publishing.publishReport.function,
      ...(props.waits ? { waits: props.waits } : {}),
    });
    this.intake = new Intake(this, 'Intake', {
      stage,
      manifests,
      table,
      incoming,
      stateMachineArn,
    });
    this.api = new Api(this, 'Api', {
      stage,
      manifests,
      table,
      incoming,
      published,
      stateMachineArn,
      agencies: props.agencies,
      portalOrigins: props.portalOrigins,
      approvalsQueue: this.approvalChain.approvals.queue,
      portalUrl: this.portal.url,
    });
    this.mail = new Mail(this, 'Mail', {
      stage,
      manifests,
      table,
      userPool: this.api.userPool,
      approvalsQueue: this.approvalChain.approvals.queue,
      portalUrl: this.portal.url,
      settings: { agencies: props.agencies.join(',') },
    });
    const publicSiteUrl = `https://${this.publishing.distribution.distributionDomainName}`;
    this.portal.deploy({
      mode: 'cognito',
      apiUrl: this.api.url,
      publicSiteUrl,
      cognito: { domain: this.api.domain.baseUrl(), clientId: this.api.client.userPoolClientId },
    });
    this.operations = new Operations(this, 'Operations', {
      stage,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
      stateMachine: this.approvalChain.workflow.stateMachine,
      deadLetterQueues: {
        intake: this.intake.queue.deadLetterQueue,
        approvals: this.approvalChain.approvals.deadLetterQueue,
      },
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'UserPoolId', { value: this.api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.api.client.userPoolClientId });
    new CfnOutput(this, 'PublicUrl', { value: publicSiteUrl });
    new CfnOutput(this, 'PortalUrl', { value: this.portal.url });
    new CfnOutput(this, 'IncomingBucket', { value: incoming.bucketName });
    new CfnOutput(this, 'StateMachineArn', { value: stateMachineArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.operations.topic.topicArn });
    new CfnOutput(this, 'NotifyWebhookSecretArn', {
      description: 'Put the chat webhook URL here (aws secretsmanager put-secret-value)',
      value: this.mail.webhookSecret.ref,
    });

    acknowledgeStackFindings(this, {
      api: this.api,
      approvalChain: this.approvalChain,
      publishing: this.publishing,
      portal: this.portal,
    });
  }
}
