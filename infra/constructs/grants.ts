/**
 * Least-privilege grants: named actions on the table (and, where a function
 * queries it, the inbox index) and on key prefixes of a bucket. The CDK's
 * grantReadWriteData and friends hand out a dozen actions each; a function
 * here gets exactly the ones its handler calls.
 */

import { Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { INBOX_INDEX } from '../../shared/adapters/table-keys.js';

export type TableAction =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'BatchGetItem'
  | 'ConditionCheckItem';

export function grantTable(fn: IFunction, table: ITable, actions: readonly TableAction[]): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: actions.map((a) => `dynamodb:${a}`),
      resources: [table.tableArn],
    }),
  );
}

export function grantInboxQuery(fn: IFunction, table: ITable): void {
  grantIndexQuery(fn, table, INBOX_INDEX);
}

/** Query on one secondary index of the table, nothing else. */
export function grantIndexQuery(fn: IFunction, table: ITable, index: string): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['dynamodb:Query'],
      resources: [`${table.tableArn}/index/${index}`],
    }),
  );
}

/**
 * Object actions on one key prefix. Object keys are data (upload ids,
 * versions), so a prefix wildcard is the narrowest grant IAM can express;
 * the acknowledgement says which prefix and why.
 */
export function grantObjects(
  fn: IFunction,
  bucket: IBucket,
  actions: readonly ('GetObject' | 'PutObject')[],
  prefix: string,
  why: string,
): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: actions.map((a) => `s3:${a}`),
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
