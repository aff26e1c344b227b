/**
 * cdk-nag (AwsSolutions) findings this stack accepts, each with its reason.
 * Findings that belong to one construct are acknowledged where it is built
 * (AcmFunction: X-Ray and runtime; grantObjects: key prefixes); these are the
 * stack-wide ones.
 */

import { DefaultStackSynthesizer, type Stack, Token, Validations } from 'aws-cdk-lib';
import type { Api } from './constructs/api.js';
import type { ApprovalChain } from './constructs/approval-chain.js';
import type { PortalHosting } from './constructs/portal-hosting.js';
import type { Publishing } from './constructs/publishing.js';

/** The prefix of the construct id CDK gives the singleton function behind every BucketDeployment. */
const BUCKET_DEPLOYMENT_HANDLER = 'Custom::CDKBucketDeployment';

/** The construct id CDK gives the singleton that configures bucket notifications. */
const BUCKET_NOTIFICATIONS_HANDLER = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

export interface AcknowledgedParts {
  api: Api;
  approvalChain: ApprovalChain;
  publishing: Publishing;
  portal: PortalHosting;
}

export function acknowledgeStackFindings(stack: Stack, parts: AcknowledgedParts): void {
  acknowledgePortalFindings(stack, parts.portal);
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

/** cdk-nag's rendering of the stack's account or region: the value, or the pseudo parameter. */
function rendered(value: string, pseudo: string): string {
  return Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value;
}

/** The portal's distribution and the CDK function that copies its build into its bucket. */
export function acknowledgePortalFindings(stack: Stack, portal: PortalHosting): void {
  const distribution = portal.distribution;
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR1',
    reason:
      'Civil servants use the portal from wherever they work (offices, provinces, travel); who may act is decided by Cognito sign-in and the API, not by geography.',
  });
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR2',
    reason:
      'The distribution serves a static build (HTML, JS, CSS, fonts) read-only from S3; every request that changes anything goes to the API behind its JWT authorizer and throttling.',
  });
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR4',
    reason:
      'With the default *.cloudfront.net certificate CloudFront fixes the minimum protocol; an agency domain with an ACM certificate (TLSv1.2_2021) is a deployment choice, as for the public site.',
  });

  const deployment = stack.node.children.find((c) =>
    c.node.id.startsWith(BUCKET_DEPLOYMENT_HANDLER),
  );
  if (!deployment) return;
  Validations.of(deployment).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      "CDK's BucketDeployment function pins its own runtime for the AWS CLI layer it ships with; it runs only during deployment, never on a request.",
  });
  const role = deployment.node.tryFindChild('ServiceRole');
  if (!role) return;
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      "CDK's BucketDeployment function writes its logs with the basic execution role; its role is not configurable and it runs only during deployment.",
  });
  const assets = `cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${rendered(stack.account, 'AccountId')}-${rendered(stack.region, 'Region')}`;
  const portalBucket = stack.getLogicalId(portal.bucket.node.defaultChild as never);
  const wildcards: Array<[string, string]> = [
    ['Action::s3:GetObject*', 'reads the zipped build from the CDK asset bucket'],
    ['Action::s3:GetBucket*', "reads the asset and portal buckets' locations"],
    ['Action::s3:List*', 'lists the portal bucket to replace its files'],
    ['Action::s3:DeleteObject*', 'removes files an older build had and this one has not'],
    ['Action::s3:Abort*', 'aborts its own multipart uploads of larger files'],
    [
      `Resource::arn:<AWS::Partition>:s3:::${assets}/*`,
      'reads the build from the CDK asset bucket',
    ],
    [
      `Resource::<${portalBucket}.Arn>/*`,
      'writes the build and config.json into the portal bucket',
    ],
    [
      'Resource::*',
      'invalidates index.html and config.json on the portal distribution (CloudFront invalidations take no resource)',
    ],
  ];
  const policy = role.node.tryFindChild('DefaultPolicy') ?? role;
  for (const [finding, what] of wildcards) {
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[${finding}]`,
      reason: `CDK's BucketDeployment grant, used only while deploying the portal: it ${what}.`,
    });
  }
}
