/**
 * Publishing: the function that writes report.json/pdf/html and the index
 * to the `published` bucket, and the CloudFront distribution (origin access
 * control, HTTPS only) through which the public and ITA assessors read it.
 * JSON is served with CORS so open-data portals can fetch it.
 */

import { Duration } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { ManifestCatalog } from '../../functions/manifests.js';
import { AcmFunction, manifestNamed } from './acm-function.js';
import { SECURITY_HEADERS } from './security-headers.js';

export interface PublishingProps {
  stage: string;
  manifests: ManifestCatalog;
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
    // The origin decides (shared/publish/cache-control.ts): a year for versioned
    // files, revalidation for the index. Min TTL 0 is what lets "no-cache" mean
    // "ask S3 each time" (CachingOptimized's 1 s floor would cache it anyway).
    const cachePolicy = new CachePolicy(this, 'Cache', {
      cachePolicyName: `acm-report-${props.stage}-published`,
      comment: 'Honours the Cache-Control the publish function writes',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.days(1),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
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
        cachePolicy,
        compress: true,
      },
    });
    this.publishReport = new AcmFunction(this, 'PublishReport', {
      manifest: manifestNamed(props.manifests, 'publish-report'),
      stage: props.stage,
      resources: {
        table: props.table,
        incomingBucket: props.incoming,
        publishedBucket: props.published,
        // The DCAT catalogue's IRIs are absolute: a harvester reads it from anywhere.
        publicSiteUrl: `https://${this.distribution.distributionDomainName}/`,
      },
    });
  }
}
