/**
 * CDK assertions for what the review of the synthesised template found
 * (issue 16, findings 1–3, 8 and 9): alarms that can notify, an HTTP API
 * access-log format, a stage dimension on metrics, a template that bakes
 * in no account or region and can be re-created after a stage is deleted,
 * and the chat webhook's URL kept in a secret, not in an environment.
 */

import { App, type Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AcmReportStack } from '../../infra/acm-report-stack.js';
import { HTTP_API_ACCESS_LOG } from '../../infra/constructs/api.js';
import { deployTarget, refuseSecretSettings } from '../../infra/deploy-target.js';
import { functionId, resourcesOf, type Statement, statementsOf } from './template-queries.js';

function synth(env?: { account: string; region: string }) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new AcmReportStack(app, 'AcmReport-review', {
    stage: 'review',
    agencies: ['opdc'],
    portalOrigins: ['https://portal.example.go.th'],
    ...(env ? { env } : {}),
  });
  return { stack, template: Template.fromStack(stack) };
}

let agnostic: { stack: Stack; template: Template };
let thailand: { stack: Stack; template: Template };

beforeAll(() => {
  agnostic = synth();
  thailand = synth({ account: '123456789012', region: 'ap-southeast-7' });
}, 120_000);

describe('Finding 1: alarms can notify', () => {
  it('lets CloudWatch alarms of this account publish to the alarm topic', () => {
    agnostic.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          // The TLS-only deny stays.
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: { 'aws:SourceArn': Match.anyValue() },
            },
          }),
        ]),
      },
    });
  });

  it('warns at synth when no one is subscribed to the alarms', () => {
    const warnings = Annotations.fromStack(agnostic.stack).findWarning(
      '*',
      Match.stringLikeRegexp('alarmEmail'),
    );
    expect(warnings.length).toBe(1);
  });
});

describe('Finding 2: the HTTP API access-log format', () => {
  it('logs HTTP API variables ($context.routeKey), none of the REST API only ones', () => {
    const stage = agnostic.template.findResources('AWS::ApiGatewayV2::Stage');
    const [format] = Object.values(stage).map(
      (s) => (s.Properties.AccessLogSettings as { Format: string }).Format,
    );
    expect(format).toBe(HTTP_API_ACCESS_LOG.toString());
    expect(format).toContain('$context.routeKey');
    expect(format).not.toContain('$context.resourcePath');
    expect(() => JSON.parse(format ?? '')).not.toThrow();
  });
});

describe('Finding 3: metrics carry their stage', () => {
  it('alarms on the overdue-approvals metric of this stage only', () => {
    agnostic.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApprovalsOverdue',
      Dimensions: Match.arrayWith([{ Name: 'stage', Value: 'review' }]),
    });
  });

  it('tells every function its stage, which its metrics add as a dimension', () => {
    const functions = Object.values(agnostic.template.findResources('AWS::Lambda::Function'));
    const ours = functions.filter((f) =>
      String(f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME ?? ''),
    );
    expect(ours.length).toBeGreaterThan(15);
    for (const fn of ours) expect(fn.Properties.Environment.Variables.STAGE).toBe('review');
  });
});

describe('Finding 8: no account or region baked in; a stage can be re-created', () => {
  it('bakes no account or region into an environment-agnostic template', () => {
    const text = JSON.stringify(agnostic.template.toJSON());
    expect(text).not.toMatch(/us-east-1|unknown-account|unknown-region/);
    agnostic.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', Match.arrayWith([{ Ref: 'AWS::Region' }])] },
      },
    });
  });

  it('names the explicit region where one is given (ap-southeast-7)', () => {
    const text = JSON.stringify(thailand.template.toJSON());
    expect(text).toContain('cognito-idp.ap-southeast-7.amazonaws.com');
    expect(text).not.toMatch(/us-east-1/);
  });

  it('lets CloudFormation name the retained table, so deleting and re-creating a stage works', () => {
    const tables = Object.values(agnostic.template.findResources('AWS::DynamoDB::Table'));
    expect(tables).toHaveLength(1);
    expect(tables[0]?.DeletionPolicy).toBe('Retain');
    expect(tables[0]?.Properties.TableName).toBeUndefined();
    for (const bucket of Object.values(agnostic.template.findResources('AWS::S3::Bucket'))) {
      expect(bucket.Properties?.BucketName).toBeUndefined();
    }
  });

  it('takes account and region from context only, both or neither', () => {
    const context = (values: Record<string, string>) => (key: string) => values[key];
    expect(deployTarget(context({}))).toBeUndefined();
    expect(deployTarget(context({ account: '123456789012', region: 'ap-southeast-1' }))).toEqual({
      account: '123456789012',
      region: 'ap-southeast-1',
    });
    expect(() => deployTarget(context({ region: 'ap-southeast-7' }))).toThrow(/account/);
    expect(() => deployTarget(context({ account: '123456789012', region: 'bangkok' }))).toThrow(
      /region/,
    );
  });
});

describe('Finding 9: published index not served stale, intake queue tied to the account', () => {
  it('serves the published bucket with a cache policy that lets the origin say "no-cache"', () => {
    const policies = agnostic.template.findResources('AWS::CloudFront::CachePolicy', {
      Properties: { CachePolicyConfig: { MinTTL: 0 } },
    });
    const [policyId] = Object.keys(policies);
    expect(policyId).toBeDefined();
    agnostic.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Comment: Match.stringLikeRegexp('published reports'),
        DefaultCacheBehavior: Match.objectLike({ CachePolicyId: { Ref: policyId } }),
      }),
    });
  });

  it('lets S3 send to the intake queue only from our bucket in our account', () => {
    agnostic.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: Match.stringLikeRegexp('IntakeQueue') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: Match.arrayWith(['sqs:SendMessage']),
            Condition: {
              ArnLike: { 'aws:SourceArn': Match.anyValue() },
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            },
          }),
        ]),
      },
    });
  });
});

describe('Finding 9: the chat webhook URL is a secret, not an environment variable', () => {
  const secretId = () => {
    const [id, ...others] = Object.keys(
      resourcesOf(agnostic.template, 'AWS::SecretsManager::Secret'),
    );
    expect(others).toEqual([]);
    return id ?? '';
  };

  it('creates one secret without a value (no generated password), named by CloudFormation', () => {
    const secret = resourcesOf(agnostic.template, 'AWS::SecretsManager::Secret')[secretId()];
    expect(secret?.Properties).not.toHaveProperty('SecretString');
    expect(secret?.Properties).not.toHaveProperty('GenerateSecretString');
    expect(secret?.Properties).not.toHaveProperty('Name');
    agnostic.template.hasOutput('NotifyWebhookSecretArn', { Value: { Ref: secretId() } });
  });

  it('gives notify-approvers the secret’s ARN, and no function any URL but the public ones', () => {
    const functions = resourcesOf(agnostic.template, 'AWS::Lambda::Function');
    const notifier = functions[functionId(agnostic.template, 'notify-approvers')];
    const variables = (fn: (typeof functions)[string]) =>
      (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)
        ?.Variables ?? {};
    expect(variables(notifier as never).NOTIFY_WEBHOOK_SECRET_ARN).toEqual({ Ref: secretId() });
    for (const [id, fn] of Object.entries(functions)) {
      for (const [key, value] of Object.entries(variables(fn))) {
        // The portal and the public site are public addresses; nothing else may be a URL.
        if (key === 'PORTAL_URL' || key === 'SITE_URL') continue;
        expect(JSON.stringify(value), `${id} ${key}`).not.toMatch(/https?:\/\//);
        expect(key, id).not.toMatch(/WEBHOOK_URL/);
      }
    }
  });

  it('lets notify-approvers alone read that secret, by its ARN, and nothing more of it', () => {
    const reads = (name: string) =>
      statementsOf(agnostic.template, name).filter((s: Statement) =>
        JSON.stringify(s.Action).includes('secretsmanager:'),
      );
    expect(reads('notify-approvers')).toEqual([
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: secretId() } },
    ]);
    const others = Object.values(resourcesOf(agnostic.template, 'AWS::IAM::Policy'))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((s) => JSON.stringify(s.Action).includes('secretsmanager:'));
    expect(others).toHaveLength(1);
  });

  it('refuses the old -c notifyWebhookUrl context, which would put the URL in the template', () => {
    const context = (key: string) => ({ notifyWebhookUrl: 'https://chat.example/hook' })[key];
    expect(() => refuseSecretSettings(context)).toThrow(
      /^ไม่รับ -c notifyWebhookUrl.+put-secret-value/,
    );
    expect(() => refuseSecretSettings(() => undefined)).not.toThrow();
  });
});
