/**
 * Where everything is kept: one DynamoDB table (on-demand, PITR, keys carry
 * the agency id), the private `incoming` bucket (uploads, converted
 * documents, results, drafts) and the `published` bucket CloudFront serves.
 * Buckets and table are retained when the stack goes: a report once
 * submitted or published must outlive any deployment.
 */

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  DECIDED_ATTRIBUTES,
  DECIDED_INDEX,
  INBOX_ATTRIBUTES,
  INBOX_INDEX,
  TTL_ATTRIBUTE,
} from '../../shared/adapters/table-keys.js';

export interface StorageProps {
  stage: string;
  /** Origins of the web portal allowed to POST uploads from a browser. */
  uploadOrigins: string[];
}

export class Storage extends Construct {
  readonly table: Table;
  readonly incoming: Bucket;
  readonly published: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);

    this.table = new Table(this, 'Table', {
      // No fixed name: the table is retained when a stage is deleted, and a
      // named one would make re-creating that stage fail on the name.
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      // Only Powertools idempotency records carry it; everything else is kept.
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: INBOX_INDEX,
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
      // The inbox needs the approval, never the task token stored beside it.
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: INBOX_ATTRIBUTES,
    });

    this.table.addGlobalSecondaryIndex({
      indexName: DECIDED_INDEX,
      partitionKey: { name: 'gsi2pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi2sk', type: AttributeType.STRING },
      // An approver's history: the decision and its subject, never the task token.
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: DECIDED_ATTRIBUTES,
    });

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.incoming = new Bucket(this, 'Incoming', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'incoming/',
      cors: [
        {
          allowedMethods: [HttpMethods.POST],
          allowedOrigins: props.uploadOrigins,
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
        // The sign-off preview reads its draft through a presigned GET (get-draft).
        { allowedMethods: [HttpMethods.GET], allowedOrigins: props.uploadOrigins, maxAge: 3000 },
      ],
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Overwritten uploads and superseded drafts: kept a year for audit, then gone.
        { noncurrentVersionExpiration: Duration.days(365) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.published = new Bucket(this, 'Published', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'published/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
