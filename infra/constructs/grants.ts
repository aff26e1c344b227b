/**
 * A function's role, statement by statement, from its manifest's grants:
 * named actions on the table (or one of its indexes, or only the items under
 * a partition key prefix), on key prefixes of a bucket, on a queue, on the
 * state machine. The CDK's grantReadWriteData and friends hand out a dozen
 * actions each; a function here gets exactly the ones its handler calls.
 */

import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Grant, ResourceName } from '../../functions/common/function-manifest.js';

/** The stack's resources a construct hands to the functions it builds. */
export interface FunctionResources {
  table?: ITable;
  incomingBucket?: IBucket;
  publishedBucket?: IBucket;
  intakeQueue?: IQueue;
  approvalsQueue?: IQueue;
  /** Named, not referenced: functions the state machine invokes also need its ARN. */
  stateMachineArn?: string;
  userPool?: IUserPool;
  mailIdentity?: MailIdentity;
  portalUrl?: string;
  /** https://<distribution domain>/ of the published site. */
  publicSiteUrl?: string;
  /** The secret holding the chat webhook's URL (its ARN, from its Ref). */
  notifyWebhookSecretArn?: string;
}

/** Where mail is sent from: deployment parameters, so one template serves any agency. */
export interface MailIdentity {
  /** The SES identity (a verified domain or address). */
  identity: string;
  from: string;
  configurationSet: string;
}

const RESOURCE_KEYS = {
  table: 'table',
  'incoming-bucket': 'incomingBucket',
  'published-bucket': 'publishedBucket',
  'intake-queue': 'intakeQueue',
  'approvals-queue': 'approvalsQueue',
  'state-machine': 'stateMachineArn',
  'user-pool': 'userPool',
  'mail-identity': 'mailIdentity',
  portal: 'portalUrl',
  'public-site': 'publicSiteUrl',
  'notify-webhook-secret': 'notifyWebhookSecretArn',
} as const satisfies Record<ResourceName, keyof FunctionResources>;

/** The resource a manifest names; a construct that lacks it is a wiring bug, caught at synth. */
export function resourceOf<N extends ResourceName>(
  resources: FunctionResources,
  name: N,
  functionName: string,
): NonNullable<FunctionResources[(typeof RESOURCE_KEYS)[N]]> {
  const found = resources[RESOURCE_KEYS[name]];
  if (!found) throw new Error(`${functionName}: its manifest needs ${name}, which was not given`);
  return found as NonNullable<FunctionResources[(typeof RESOURCE_KEYS)[N]]>;
}

export function grantToFunction(
  fn: IFunction,
  functionName: string,
  grant: Grant,
  resources: FunctionResources,
): void {
  switch (grant.on) {
    case 'table': {
      const table = resourceOf(resources, 'table', functionName);
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: [...grant.actions],
          resources: [grant.index ? `${table.tableArn}/index/${grant.index}` : table.tableArn],
          ...(grant.partitionKeyPrefix
            ? {
                conditions: {
                  'ForAllValues:StringLike': {
                    'dynamodb:LeadingKeys': [`${grant.partitionKeyPrefix}*`],
                  },
                },
              }
            : {}),
        }),
      );
      return;
    }
    case 'incoming-bucket':
    case 'published-bucket': {
      const bucket = resourceOf(resources, grant.on, functionName);
      grantObjects(fn, bucket, grant.actions, grant.prefix, grant.why);
      return;
    }
    case 'approvals-queue': {
      const queue = resourceOf(resources, grant.on, functionName);
      fn.addToRolePolicy(
        new PolicyStatement({ actions: [...grant.actions], resources: [queue.queueArn] }),
      );
      return;
    }
    case 'state-machine': {
      const arn = resourceOf(resources, grant.on, functionName);
      fn.addToRolePolicy(new PolicyStatement({ actions: [...grant.actions], resources: [arn] }));
      return;
    }
    case 'mail-identity': {
      const mail = resourceOf(resources, grant.on, functionName);
      const arn = (resource: string, name: string) =>
        Stack.of(fn).formatArn({
          service: 'ses',
          resource,
          resourceName: name,
          arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        });
      // The identity and the configuration set only, and only From the configured address.
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: [...grant.actions],
          resources: [
            arn('identity', mail.identity),
            arn('configuration-set', mail.configurationSet),
          ],
          conditions: { StringEquals: { 'ses:FromAddress': mail.from } },
        }),
      );
      return;
    }
    case 'user-pool': {
      const pool = resourceOf(resources, grant.on, functionName);
      fn.addToRolePolicy(
        new PolicyStatement({ actions: [...grant.actions], resources: [pool.userPoolArn] }),
      );
      return;
    }
    case 'notify-webhook-secret': {
      // That secret's full ARN only: no wildcard, no other secret of the account.
      const arn = resourceOf(resources, grant.on, functionName);
      fn.addToRolePolicy(new PolicyStatement({ actions: [...grant.actions], resources: [arn] }));
      return;
    }
    case 'task-tokens':
      // IAM evaluates SendTask* on "*" only: a state machine ARN here would never match.
      fn.addToRolePolicy(new PolicyStatement({ actions: [...grant.actions], resources: ['*'] }));
      return;
  }
}

/**
 * Object actions on one key prefix. Object keys are data (upload ids,
 * versions), so a prefix wildcard is the narrowest grant IAM can express;
 * the acknowledgement says which prefix and why.
 */
function grantObjects(
  fn: IFunction,
  bucket: IBucket,
  actions: readonly string[],
  prefix: string,
  why: string,
): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: [...actions],
      resources: [bucket.arnForObjects(`${prefix}*`)],
    }),
  );
  const policy = fn.role?.node.tryFindChild('DefaultPolicy');
  if (policy) {
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalIdToken(bucket)}.Arn>/${prefix}*]`,
      reason: `Object keys under ${prefix} carry ids created at run time; ${why}`,
    });
  }
}

function bucketLogicalIdToken(bucket: IBucket): string {
  // Resolved lazily by cdk-nag's finding id; the logical id is known after the stack names it.
  return bucket.stack.getLogicalId(bucket.node.defaultChild as never);
}
