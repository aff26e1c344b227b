/**
 * cdk-nag (AwsSolutions) findings this stack accepts, each with its reason.
 * Findings that belong to one construct are acknowledged where it is built
 * (AcmFunction: X-Ray and runtime; grantObjects: key prefixes); these are the
 * stack-wide ones.
 */

import { type Stack, Validations } from 'aws-cdk-lib';
import type { Api } from './constructs/api.js';
import type { ApprovalChain } from './constructs/approval-chain.js';
import type { Publishing } from './constructs/publishing.js';

/** The construct id CDK gives the singleton that configures bucket notifications. */
const BUCKET_NOTIFICATIONS_HANDLER = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

export interface AcknowledgedParts {
  api: Api;
  approvalChain: ApprovalChain;
  publishing: Publishing;
}

export function acknowledgeStackFindings(stack: Stack, parts: AcknowledgedParts): void {
  const distribution = parts.publishing.distribution;
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR1',
    reason:
      'The reports are public disclosures for citizens and ITA assessors wherever they are; a geo restriction would defeat their purpose.',
  });
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR2',
    reason:
      'The distribution serves static, read-only, public files from S3 (no origin compute, no forms); WAF can be attached per deployment where an agency requires it.',
  });
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR4',
    reason:
      'With the default *.cloudfront.net certificate CloudFront fixes the minimum protocol; an agency domain with an ACM certificate (TLSv1.2_2021) is a deployment choice documented in the README.',
  });

  Validations.of(parts.api.userPool).acknowledge({
    id: 'AwsSolutions-COG8',
    reason:
      'The Plus feature plan (threat protection) is billed per active user; every user must use TOTP MFA instead, and an agency can opt into Plus without code changes.',
  });

  const workflowRole = parts.approvalChain.workflow.stateMachine.role;
  const invoked = [
    parts.approvalChain.approvalRequest.function,
    parts.approvalChain.recordOutcome.function,
    parts.approvalChain.rollUpRound.function,
    parts.publishing.publishReport.function,
  ];
  for (const fn of invoked) {
    const logicalId = stack.getLogicalId(fn.node.defaultChild as never);
    Validations.of(workflowRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason: `Step Functions may invoke ${fn.node.path}'s versions and aliases (ARN:*), as the LambdaInvoke task grants; nothing beyond that function.`,
    });
  }

  Validations.of(workflowRole).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Vended-log delivery (logs:*LogDelivery, resource policies) and X-Ray tracing actions support no resource-level permissions; these are what logging level ALL and tracing require.',
  });

  const notifications = stack.node.tryFindChild(BUCKET_NOTIFICATIONS_HANDLER);
  if (notifications) {
    Validations.of(notifications).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'CDK-provided custom resource that sets the incoming bucket notification once per deployment; its role is not configurable.',
    });
    Validations.of(notifications).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'CDK-provided custom resource: s3:PutBucketNotification is granted on "*" by the construct; it runs only during deployment.',
    });
  }
}
