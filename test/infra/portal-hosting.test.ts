/**
 * The web portal in the synthesised stack: its private bucket served by its
 * own CloudFront distribution through origin access control with security
 * headers, its build and config.json deployed together, the Cognito hosted
 * UI with an authorization-code + PKCE client that returns to the portal,
 * and CORS on the API and the incoming bucket for the portal's address.
 */

import type { Template } from 'aws-cdk-lib/assertions';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from './synth-stack.js';
import { resourcesOf } from './template-queries.js';

let template: Template;
let portalDistribution: string;

beforeAll(() => {
  template = synthStack().template;
  const distributions = resourcesOf(template, 'AWS::CloudFront::Distribution');
  portalDistribution =
    Object.entries(distributions).find(([id]) => id.startsWith('PortalDistribution'))?.[0] ?? '';
}, 60_000);

/** The portal's https://<domain> as the template writes it. */
const portalUrl = () => ({
  'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [portalDistribution, 'DomainName'] }]],
});

describe('Portal hosting', () => {
  it('serves a private bucket through its own distribution, HTTPS only, with a CSP', () => {
    expect(portalDistribution).not.toBe('');
    const distribution = resourcesOf(template, 'AWS::CloudFront::Distribution')[portalDistribution];
    expect(distribution?.Properties.DistributionConfig).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
      Origins: [expect.objectContaining({ OriginAccessControlId: expect.anything() })],
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        Name: 'acm-report-test-portal',
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp(
              "^default-src 'self'; script-src 'self';",
            ),
            Override: true,
          },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
  });

  it('deploys the build with a config.json naming the API, the hosted UI and the public site', () => {
    const deployments = Object.values(resourcesOf(template, 'Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(1);
    const [deployment] = deployments;
    expect(deployment?.Properties).toMatchObject({
      DestinationBucketName: { Ref: expect.stringMatching(/^PortalSite/) },
      DistributionPaths: ['/index.html', '/config.json'],
    });
    // Source.jsonData: the second source carries config.json with its tokens as markers.
    const markers = JSON.stringify(deployment?.Properties.SourceMarkers);
    expect(markers).toContain('ApiHttpApi');
    expect(markers).toContain('ApiUsersPortal');
    expect(markers).toContain('PublishingDistribution');
    expect(markers).toContain('ApiUsersHostedUi');
  });

  it('signs in through the hosted UI with the authorization code flow, back to the portal', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid', 'email', 'profile']),
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: Match.arrayWith([
        {
          'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [portalDistribution, 'DomainName'] }, '/']],
        },
        'https://portal.example.go.th/',
      ]),
    });
  });

  it('answers CORS for the portal on the API and takes its uploads on the incoming bucket', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: Match.arrayWith([portalUrl(), 'https://portal.example.go.th']),
      }),
    });
    const incoming = Object.entries(resourcesOf(template, 'AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('StorageIncoming'),
    )?.[1];
    const cors = incoming?.Properties.CorsConfiguration as { CorsRules: unknown[] } | undefined;
    const rules = cors?.CorsRules;
    expect(rules).toContainEqual(
      expect.objectContaining({ AllowedMethods: ['POST'], AllowedOrigins: [portalUrl()] }),
    );
  });

  it('lets the portal connect only to its own hosted UI, and to the API and S3 of its region', () => {
    const [policy] = Object.values(resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy'))
      .map((resource) => JSON.stringify(resource.Properties))
      .filter((text) => text.includes('acm-report-test-portal'));
    const connect = /connect-src ([^;]*);/.exec(policy ?? '')?.[1] ?? '';
    expect(connect).not.toContain('https://*.amazonaws.com');
    expect(connect).not.toContain('https://*.amazoncognito.com');
    expect(connect.split(' ')).toEqual([
      "'self'",
      'https://*.execute-api.ap-southeast-1.amazonaws.com',
      'https://*.s3.ap-southeast-1.amazonaws.com',
      'https://acm-report-test-123456789012.auth.ap-southeast-1.amazoncognito.com',
    ]);
  });

  it('outputs the portal URL', () => {
    template.hasOutput('PortalUrl', { Value: portalUrl() });
  });
});
