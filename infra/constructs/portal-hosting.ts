/**
 * The web portal in AWS: its build in a private bucket, served by its own
 * CloudFront distribution through origin access control (HTTPS only,
 * security headers with a content security policy), and the config.json
 * that tells the one build where the API, the Cognito hosted UI and the
 * public site are. The bucket and distribution exist before the API (the
 * sign-in callback and CORS name the portal's address); the files are
 * deployed after it (config.json names the API).
 *
 * The build runs at synth time through the asset's local bundling (Vite's
 * CLI, no Docker); where bundling is skipped (the tests' synth, the local
 * stack) the asset stays the unbuilt web/ folder, which nothing deploys.
 */

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AssetHashType, DockerImage, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  Distribution,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { PortalConfig } from '../../shared/workflow/portal-config.js';
import { hostedUiDomainPrefix } from './hosted-ui-domain.js';
import { REPO_ROOT, WEB_DIR } from './repo-paths.js';
import { SECURITY_HEADERS } from './security-headers.js';

export interface PortalHostingProps {
  stage: string;
  accessLogs: IBucket;
}

/**
 * Where the browser may connect: this deployment's own services — its
 * hosted UI (tokens) by name, and the API (execute-api) and S3 (presigned
 * POSTs go to https://<bucket>.s3.<region>.amazonaws.com) in its region and
 * account's region only. The API and the incoming bucket cannot be named:
 * the API's CORS, the sign-in callback and the bucket's CORS rule all name
 * this distribution, so its headers naming them would be a dependency cycle.
 */
function contentSecurityPolicy(stage: string, scope: Construct): string {
  const { region, account } = Stack.of(scope);
  const hostedUi = `https://${hostedUiDomainPrefix(stage, account)}.auth.${region}.amazoncognito.com`;
  const connect = [
    "'self'",
    `https://*.execute-api.${region}.amazonaws.com`,
    `https://*.s3.${region}.amazonaws.com`,
    hostedUi,
  ];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Preact sets style attributes; the preview's frame carries the report's own <style>.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "img-src 'self' data:",
    "frame-src 'self'",
    `connect-src ${connect.join(' ')}`,
    `form-action 'self' ${hostedUi}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** Builds the portal into CDK's asset folder with the Vite CLI (synchronous, as tryBundle must be). */
function buildPortalInto(outputDir: string): boolean {
  const manifest = createRequire(import.meta.url).resolve('vite/package.json');
  const vite = join(dirname(manifest), 'bin', 'vite.js');
  execFileSync(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      `${WEB_DIR}/vite.config.ts`,
      '--outDir',
      outputDir,
      '--emptyOutDir',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return true;
}

export class PortalHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: PortalHostingProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'portal/',
      // Kept like every bucket here: CloudFormation cannot delete a non-empty one anyway.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      responseHeadersPolicyName: `acm-report-${props.stage}-portal`,
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(props.stage, this),
          override: true,
        },
        ...SECURITY_HEADERS,
      },
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `acm-report ${props.stage} web portal`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront-portal/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        responseHeadersPolicy: headers,
        compress: true,
      },
    });
  }

  /** https://<distribution>.cloudfront.net, no trailing slash. */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /** Deploys the build and its config.json (after the API exists: the config names it). */
  deploy(config: PortalConfig): BucketDeployment {
    return new BucketDeployment(this, 'Files', {
      destinationBucket: this.bucket,
      sources: [
        Source.asset(WEB_DIR, {
          assetHashType: AssetHashType.OUTPUT,
          bundling: {
            // Never pulled: local bundling always succeeds or throws.
            image: DockerImage.fromRegistry('unused-local-bundling-only'),
            local: { tryBundle: (outputDir) => buildPortalInto(outputDir) },
          },
        }),
        Source.jsonData('config.json', config),
      ],
      // Revalidated (ETag) on every load: the build is small, and a cached index.html must
      // never name hashed files a newer deployment has replaced.
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 256,
    });
  }
}
