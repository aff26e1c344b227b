/**
 * Publishing: the function that writes report.json/pdf/html and the index
 * to the `published` bucket, and the CloudFront distribution (origin access
 * control, HTTPS only) through which the public and ITA assessors read it.
 * JSON is served with CORS so open-data portals can fetch it.
 */

import { Duration } from 'aws-cdk-lib';
import {
  AllowedMethods,
  Distribution,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AcmFunction } from './acm-function.js';
import { grantObjects, grantTable } from './grants.js';
import { PUBLISH_FONTS_DIR } from './repo-paths.js';
import { SECURITY_HEADERS } from './security-headers.js';

export interface PublishingProps {
  stage: string;
  table: Table;
  incoming: Bucket;
  published: Bucket;
  accessLogs: Bucket;
}

export class Publishing extends Construct {
  readonly publishReport: AcmFunction;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: PublishingProps) {
    super(scope, id);
    this.publishReport = new AcmFunction(this, 'PublishReport', {
      name: 'publish-report',
      stage: props.stage,
      description: 'Publishes report.json, report.pdf, report.html and the index',
      // pdfkit lays out a few hundred pages of Thai comfortably in this.
      memorySize: 1536,
      timeout: Duration.minutes(2),
      environment: {
        TABLE_NAME: props.table.tableName,
        INCOMING_BUCKET: props.incoming.bucketName,
        PUBLISHED_BUCKET: props.published.bucketName,
      },
      // The renderer reads Sarabun from ./fonts beside its module (import.meta.url): the bundle's folder.
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_input: string, output: string) => [
          `mkdir -p "${output}/fonts"`,
          `cp "${PUBLISH_FONTS_DIR}"/*.ttf "${PUBLISH_FONTS_DIR}"/OFL.txt "${output}/fonts/"`,
        ],
      },
    });
    const fn = this.publishReport.function;
    // BatchGetItem: the approval trail each version's ITA evidence names.
    grantTable(fn, props.table, ['GetItem', 'UpdateItem', 'PutItem', 'Query', 'BatchGetItem']);
    grantObjects(
      fn,
      props.incoming,
      ['GetObject'],
      'drafts/',
      'publishing reads the signed-off draft.',
    );
    grantObjects(
      fn,
      props.published,
      ['PutObject'],
      'reports/',
      'publishing writes each new report version.',
    );
    grantObjects(
      fn,
      props.published,
      ['PutObject'],
      'index.',
      'publishing rewrites index.json and index.html.',
    );
    grantObjects(
      fn,
      props.published,
      ['GetObject'],
      'reports/',
      'the catalogue rebuilds a missing search part from its published report.json.',
    );
    grantObjects(
      fn,
      props.published,
      ['GetObject', 'PutObject'],
      'catalogue/',
      'publishing updates the catalogue pages and search indexes in place.',
    );
    for (const prefix of ['open-data/', 'schemas/']) {
      grantObjects(
        fn,
        props.published,
        ['PutObject'],
        prefix,
        'publishing rewrites the open-data files and JSON Schemas.',
      );
    }
    // Without ListBucket S3 answers a missing key with 403, not 404, and the
    // first publication could not tell "no search index yet" from a denial.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        // Unconditioned: S3 checks ListBucket for a GetObject without an s3:prefix in context.
        resources: [props.published.bucketArn],
      }),
    );

    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      responseHeadersPolicyName: `acm-report-${props.stage}-published`,
      corsBehavior: {
        accessControlAllowOrigins: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD'],
        accessControlAllowHeaders: ['*'],
        accessControlAllowCredentials: false,
        originOverride: true,
      },
      securityHeadersBehavior: SECURITY_HEADERS,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `acm-report ${props.stage} published reports`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(props.published),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        responseHeadersPolicy: headers,
        compress: true,
      },
    });
  }
}
