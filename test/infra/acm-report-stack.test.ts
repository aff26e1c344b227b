import type { Template } from 'aws-cdk-lib/assertions';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from './synth-stack.js';
import {
  actionsOf,
  dataActionsOf,
  functionId,
  resourceList,
  resourcesOf,
  statementsOf,
  text,
} from './template-queries.js';

let template: Template;

beforeAll(() => {
  template = synthStack('test').template;
}, 60_000);

const FUNCTIONS = [
  'open-round',
  'open-fy-from-h1',
  'get-round',
  'round-status',
  'request-upload',
  'get-upload',
  'list-approvals',
  'decide-approval',
  'intake',
  'approval-request',
  'record-outcome',
  'roll-up-round',
  'publish-report',
  'notify-approvers',
  'list-rounds',
  'get-item',
  'get-version',
  'get-carried-draft',
  'get-draft',
  'list-decisions',
  'send-reminders',
  'send-digest',
  'list-people',
  'invite-person',
  'change-person-groups',
  'disable-person',
  'list-people-changes',
  'create-agency',
];

describe('Storage', () => {
  it('encrypts every bucket, blocks public access and keeps versions', () => {
    const buckets = resourcesOf(template, 'AWS::S3::Bucket');
    // incoming, published, access logs, and the web portal's build.
    expect(Object.keys(buckets)).toHaveLength(4);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      });
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.DeletionPolicy).toBe('Retain');
    }
  });

  it('keeps object versions of uploads and published reports', () => {
    const versioned = Object.values(resourcesOf(template, 'AWS::S3::Bucket')).filter(
      (b) => (b.Properties.VersioningConfiguration as { Status?: string })?.Status === 'Enabled',
    );
    expect(versioned).toHaveLength(2);
  });

  it('refuses every request without TLS, on every bucket', () => {
    const policies = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(4);
    for (const policy of policies) {
      const statements = (policy.Properties.PolicyDocument as { Statement: unknown[] }).Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('has one on-demand table with PITR, encryption and a sparse inbox index', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        TableName: Match.absent(),
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
        GlobalSecondaryIndexes: [
          Match.objectLike({
            IndexName: 'gsi1',
            Projection: Match.objectLike({
              ProjectionType: 'INCLUDE',
              NonKeyAttributes: Match.not(Match.arrayWith(['taskToken'])),
            }),
          }),
          Match.objectLike({
            IndexName: 'gsi2',
            Projection: Match.objectLike({
              ProjectionType: 'INCLUDE',
              NonKeyAttributes: Match.not(Match.arrayWith(['taskToken'])),
            }),
          }),
        ],
      }),
    });
  });

  it('sends only incoming/ object-created events to the intake queue', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
          }),
        ],
      },
    });
  });
});

describe('Queues', () => {
  const queues = () => resourcesOf(template, 'AWS::SQS::Queue');

  it('encrypts every queue and gives every work queue a dead-letter queue', () => {
    const all = Object.entries(queues());
    expect(all).toHaveLength(4);
    for (const [, queue] of all) expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    const work = all.filter(([, q]) => !String(q.Properties.QueueName).endsWith('-dlq'));
    expect(work.map(([, q]) => q.Properties.QueueName).sort()).toEqual([
      'acm-report-test-approvals',
      'acm-report-test-intake',
    ]);
    for (const [, queue] of work) {
      expect(queue.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [expect.stringMatching(/DeadLetters/), 'Arn'] },
        maxReceiveCount: 5,
      });
    }
  });

  it('refuses SQS requests without TLS', () => {
    const policies = Object.values(resourcesOf(template, 'AWS::SQS::QueuePolicy'));
    expect(policies.length).toBeGreaterThanOrEqual(4);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('aws:SecureTransport');
    }
  });

  it('sets each queue visibility to at least six times its consumer timeout', () => {
    const functions = resourcesOf(template, 'AWS::Lambda::Function');
    const mappings = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(2);
    for (const mapping of mappings) {
      const queueId = (mapping.Properties.EventSourceArn as { 'Fn::GetAtt': string[] })[
        'Fn::GetAtt'
      ][0] as string;
      const fnId = (mapping.Properties.FunctionName as { Ref: string }).Ref;
      const timeout = functions[fnId]?.Properties.Timeout as number;
      const visibility = queues()[queueId]?.Properties.VisibilityTimeout as number;
      expect(visibility).toBeGreaterThanOrEqual(6 * timeout);
    }
  });

  it('reports partial batch failures on every SQS event source', () => {
    for (const mapping of Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping'))) {
      expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    }
  });
});

describe('Functions', () => {
  it('builds every function for nodejs22.x on arm64 with tracing and its own log group', () => {
    const functions = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).filter((f) =>
      String(f.Properties.FunctionName ?? '').startsWith('acm-report-'),
    );
    expect(functions.map((f) => f.Properties.FunctionName).sort()).toEqual(
      FUNCTIONS.map((n) => `acm-report-test-${n}`).sort(),
    );
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: expect.anything() },
      });
    }
  });

  it('keeps logs for a bounded time', () => {
    const groups = Object.values(resourcesOf(template, 'AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThanOrEqual(FUNCTIONS.length + 2);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('names everything after its stage', () => {
    const names = Object.values(resourcesOf(template, 'AWS::Lambda::Function'))
      .map((f) => f.Properties.FunctionName)
      .filter(Boolean);
    for (const name of names) expect(name).toMatch(/^acm-report-test-/);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'acm-report-test-approvals',
    });
  });
});

describe('IAM', () => {
  const statements = () =>
    Object.values(resourcesOf(template, 'AWS::IAM::Policy')).flatMap(
      (p) =>
        (p.Properties.PolicyDocument as { Statement: Parameters<typeof actionsOf>[0][] }).Statement,
    );

  it('grants no "*" action and no service-wide wildcard action', () => {
    for (const statement of statements()) {
      for (const action of actionsOf(statement)) {
        expect(action).not.toBe('*');
        expect(action).not.toMatch(/:\*$/);
      }
    }
  });

  it('grants nothing on the data stores with a "*" resource', () => {
    // Task-token answers are the exception: IAM evaluates them on "*" only.
    const taskTokens = /^states:SendTask(Success|Failure)$/;
    const dataStores = /^(dynamodb|s3|sqs|states|lambda):/;
    for (const statement of statements()) {
      const actions = actionsOf(statement).filter((a) => !taskTokens.test(a));
      if (!actions.some((a) => dataStores.test(a))) continue;
      for (const resource of resourceList(statement)) expect(resource).not.toBe('*');
    }
  });

  it('answers task tokens on "*", the only resource IAM evaluates SendTaskSuccess on', () => {
    const answering = statements().filter((s) => actionsOf(s).includes('states:SendTaskSuccess'));
    expect(answering.length).toBe(2);
    for (const statement of answering) {
      expect(actionsOf(statement)).toEqual(['states:SendTaskSuccess']);
      expect(resourceList(statement)).toEqual(['*']);
    }
  });

  it.each([
    [
      'open-round',
      ['dynamodb:BatchWriteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    ],
    [
      'open-fy-from-h1',
      [
        'dynamodb:BatchWriteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        's3:GetObject',
        's3:PutObject',
      ],
    ],
    ['get-round', ['dynamodb:Query']],
    ['round-status', ['dynamodb:Query']],
    ['get-upload', ['dynamodb:GetItem']],
    ['list-approvals', ['dynamodb:Query']],
    ['request-upload', ['dynamodb:GetItem', 'dynamodb:PutItem', 's3:PutObject']],
    ['list-rounds', ['dynamodb:Query']],
    ['get-item', ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']],
    ['get-version', ['dynamodb:GetItem', 's3:GetObject']],
    ['get-carried-draft', ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 's3:GetObject']],
    ['get-draft', ['dynamodb:GetItem', 's3:GetObject']],
    ['list-decisions', ['dynamodb:Query']],
    [
      'send-reminders',
      ['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'sqs:SendMessage'],
    ],
    ['decide-approval', ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'states:SendTaskSuccess']],
    [
      'approval-request',
      [
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'sqs:SendMessage',
        'states:SendTaskSuccess',
      ],
    ],
    [
      'record-outcome',
      ['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'sqs:SendMessage'],
    ],
    ['roll-up-round', ['dynamodb:BatchGetItem', 'dynamodb:Query', 's3:GetObject', 's3:PutObject']],
    [
      'send-digest',
      [
        'dynamodb:DeleteItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        'ses:SendEmail',
      ],
    ],
  ])('lets %s reach only %j', (name, actions) => {
    expect(dataActionsOf(template, name)).toEqual([...actions].sort());
  });

  it('lets the inbox query only the inbox index', () => {
    const [query] = statementsOf(template, 'list-approvals').filter((s) =>
      actionsOf(s).includes('dynamodb:Query'),
    );
    expect(text(query?.Resource)).toMatch(/\/index\/gsi1$/);
  });

  it('lets request-upload create objects only under incoming/', () => {
    const put = statementsOf(template, 'request-upload').find((s) =>
      actionsOf(s).includes('s3:PutObject'),
    );
    expect(resourceList(put as never).map(text)).toEqual([
      expect.stringMatching(/Incoming.*\/incoming\/\*$/),
    ]);
  });

  it('lets intake read uploads and write only converted submissions and results', () => {
    const s3 = statementsOf(template, 'intake').filter((s) =>
      actionsOf(s).some((a) => a.startsWith('s3:')),
    );
    const grants = s3.flatMap((s) =>
      resourceList(s).map((r) => `${actionsOf(s).join(',')} ${text(r)}`),
    );
    expect(grants.map((g) => g.replace(/<[^>]+>/, '<incoming>')).sort()).toEqual(
      [
        's3:GetObject <incoming>/incoming/*',
        's3:PutObject <incoming>/results/*',
        's3:PutObject <incoming>/submissions/*',
      ].sort(),
    );
    expect(dataActionsOf(template, 'intake')).toEqual(
      expect.arrayContaining(['states:StartExecution', 'sqs:ReceiveMessage', 'sqs:DeleteMessage']),
    );
  });

  it('lets the notifier consume the approvals queue, never send to it', () => {
    const actions = dataActionsOf(template, 'notify-approvers');
    expect(actions).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']));
    expect(actions).not.toContain('sqs:SendMessage');
    // Besides queue, table, mail and people: only the read of its webhook secret.
    expect(actions.filter((a) => !/^(sqs|dynamodb|ses|cognito-idp):/.test(a))).toEqual([
      'secretsmanager:GetSecretValue',
    ]);
  });

  it('lets the mailing functions send only from the SES identity and configuration set', () => {
    for (const name of ['notify-approvers', 'send-digest']) {
      const sends = statementsOf(template, name).filter((s) =>
        actionsOf(s).some((a) => a.startsWith('ses:')),
      );
      expect(sends.flatMap(actionsOf)).toEqual(['ses:SendEmail']);
      expect(sends.flatMap(resourceList).map(text).sort()).toEqual([
        expect.stringMatching(/:configuration-set\/<SesConfigurationSet>$/),
        expect.stringMatching(/:identity\/<SesIdentity>$/),
      ]);
      expect(sends[0]?.Condition).toEqual({
        StringEquals: { 'ses:FromAddress': { Ref: 'MailFromAddress' } },
      });
    }
  });

  it.each([
    ['notify-approvers', ['ListUsersInGroup']],
    ['list-people', ['ListGroups', 'ListUsersInGroup']],
    ['invite-person', ['AdminAddUserToGroup', 'AdminCreateUser', 'CreateGroup']],
    [
      'change-person-groups',
      [
        'AdminAddUserToGroup',
        'AdminRemoveUserFromGroup',
        'CreateGroup',
        'ListGroups',
        'ListUsersInGroup',
      ],
    ],
    [
      'disable-person',
      ['AdminDisableUser', 'AdminListGroupsForUser', 'ListGroups', 'ListUsersInGroup'],
    ],
    [
      'create-agency',
      ['AdminAddUserToGroup', 'AdminCreateUser', 'CreateGroup', 'ListGroups', 'ListUsersInGroup'],
    ],
  ])('lets %s call only Cognito %j, on the user pool only', (name, actions) => {
    const calls = statementsOf(template, name).filter((s) =>
      actionsOf(s).some((a) => a.startsWith('cognito-idp:')),
    );
    expect(calls.flatMap(actionsOf).sort()).toEqual(actions.map((a) => `cognito-idp:${a}`).sort());
    const [pool] = Object.keys(resourcesOf(template, 'AWS::Cognito::UserPool'));
    expect(calls.flatMap(resourceList).map(text)).toEqual([`<${pool}.Arn>`]);
  });

  it('lets no other function call Cognito', () => {
    const callers = ['notify-approvers', 'list-people', 'invite-person', 'change-person-groups'];
    callers.push('disable-person', 'create-agency');
    for (const name of FUNCTIONS.filter((n) => !callers.includes(n))) {
      expect(dataActionsOf(template, name).filter((a) => a.startsWith('cognito-idp:'))).toEqual([]);
    }
  });

  it('runs the daily digest at 07:00 in Bangkok (00:00 UTC)', () => {
    const rules = Object.values(resourcesOf(template, 'AWS::Events::Rule'));
    const digest = functionId(template, 'send-digest');
    const rule = rules.find((r) =>
      (r.Properties.Targets as { Arn: unknown }[]).some((t) => text(t.Arn) === `<${digest}.Arn>`),
    );
    expect(rule?.Properties.ScheduleExpression).toBe('cron(0 0 * * ? *)');
  });

  it('gives no API function access to the published bucket or the queues', () => {
    for (const name of [
      'open-round',
      'get-round',
      'round-status',
      'get-upload',
      'list-approvals',
      'decide-approval',
      'list-rounds',
      'get-item',
      'list-decisions',
    ]) {
      const actions = dataActionsOf(template, name);
      expect(actions.filter((a) => a.startsWith('s3:') || a.startsWith('sqs:'))).toEqual([]);
    }
  });

  it('lets publishing write only reports/, the index, the catalogue, open data and schemas to the published bucket', () => {
    const puts = statementsOf(template, 'publish-report').filter((s) =>
      actionsOf(s).includes('s3:PutObject'),
    );
    expect(
      puts
        .flatMap(resourceList)
        .map(text)
        .map((t) => t.replace(/<[^>]+>/, '<published>')),
    ).toEqual([
      '<published>/reports/*',
      '<published>/index.*',
      '<published>/catalogue/*',
      '<published>/open-data/*',
      '<published>/schemas/*',
    ]);
  });

  it('lets publishing read back from the published bucket only reports and the catalogue', () => {
    const gets = statementsOf(template, 'publish-report').filter((s) =>
      actionsOf(s).includes('s3:GetObject'),
    );
    const published = gets
      .flatMap(resourceList)
      .map(text)
      .filter((t) => !t.includes('drafts/'))
      .map((t) => t.replace(/<[^>]+>/, '<published>'));
    expect(published).toEqual(['<published>/reports/*', '<published>/catalogue/*']);
  });

  it('uses a role of its own per function, not the managed basic execution role', () => {
    for (const name of FUNCTIONS) {
      const fn = resourcesOf(template, 'AWS::Lambda::Function')[functionId(template, name)];
      const roleRef = fn?.Properties.Role as { 'Fn::GetAtt': string[] } | undefined;
      const roleId = String(roleRef?.['Fn::GetAtt'][0]);
      const role = resourcesOf(template, 'AWS::IAM::Role')[roleId];
      expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('Approval workflow', () => {
  it('is a Standard state machine logging everything (without execution data) and traced', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
      TracingConfiguration: { Enabled: true },
    });
  });
});

describe('API', () => {
  it('guards every route with the Cognito JWT authorizer', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
    const routes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route'));
    expect(routes).toHaveLength(21);
    for (const route of routes) expect(route.Properties.AuthorizationType).toBe('JWT');
  });

  it('logs access and throttles the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50 }),
    });
  });

  it('requires MFA, admits no self sign-up and creates the role groups per agency', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    const groups = Object.values(resourcesOf(template, 'AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual(
      [
        'opdc:agency-head',
        'opdc:anti-corruption-centre',
        'opdc:coordinator',
        'opdc:division-director',
        'opdc:internal-audit',
        'national-operator',
      ].sort(),
    );
  });
});

describe('Publishing', () => {
  it('serves the published bucket through CloudFront with origin access control over HTTPS', () => {
    // One for the published reports, one for the web portal (test/infra/portal-hosting.test.ts).
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
  });

  it('lets open-data portals read the reports cross-origin', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        CorsConfig: Match.objectLike({
          AccessControlAllowOrigins: { Items: ['*'] },
          AccessControlAllowMethods: { Items: ['GET', 'HEAD'] },
        }),
      }),
    });
  });
});

describe('Operations', () => {
  it('alarms on both DLQs, failed and timed-out executions and overdue approvals', () => {
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
    expect(alarms.map((a) => a.Properties.AlarmName).sort()).toEqual(
      [
        'acm-report-test-approvals-dlq-depth',
        'acm-report-test-approvals-overdue',
        'acm-report-test-executions-failed',
        'acm-report-test-executions-timed-out',
        'acm-report-test-intake-dlq-depth',
      ].sort(),
    );
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });
});
