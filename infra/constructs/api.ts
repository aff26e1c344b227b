/**
 * The HTTP API: a Cognito user pool whose groups carry each person's roles
 * and divisions per agency (`{agency}:{role}`, `{agency}:division:{code}`),
 * a JWT authorizer on every route, and one small function per route.
 */

import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DECIDED_INDEX } from '../../shared/adapters/table-keys.js';
import { roleGroupName, STAFF_ROLES } from '../../shared/workflow/roles.js';
import { AcmFunction } from './acm-function.js';
import {
  grantInboxQuery,
  grantIndexQuery,
  grantObjects,
  grantTable,
  type TableAction,
} from './grants.js';

export interface ApiProps {
  stage: string;
  table: Table;
  incoming: Bucket;
  stateMachineArn: string;
  /** Agencies whose role groups are created here; division groups are added by an administrator. */
  agencies: string[];
  /** Origins of the web portal; the API answers CORS preflights for them. */
  portalOrigins: string[];
  /** Where reminders go: the queue the approvals notifier reads. */
  approvalsQueue: IQueue;
  /** The portal's own address (its CloudFront URL): sign-in callback, sign-out and CORS. */
  portalUrl: string;
}

export interface Route {
  name: string;
  method: HttpMethod;
  path: string;
  description: string;
  table: readonly TableAction[];
}

/** Every route of the API (the authorisation matrix test needs a row for each). */
export const ROUTES: readonly Route[] = [
  {
    name: 'open-round',
    method: HttpMethod.POST,
    path: '/agencies/{agencyId}/rounds',
    description: 'Opens a round (coordinator)',
    table: ['PutItem'],
  },
  {
    name: 'get-round',
    method: HttpMethod.GET,
    path: '/agencies/{agencyId}/rounds/{roundId}',
    description: 'Reads a round',
    table: ['GetItem'],
  },
  {
    name: 'round-status',
    method: HttpMethod.GET,
    path: '/agencies/{agencyId}/rounds/{roundId}/status',
    description: 'Round status: missing divisions, items waiting, overdue',
    table: ['Query'],
  },
  {
    name: 'request-upload',
    method: HttpMethod.POST,
    path: '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/uploads',
    description: 'Presigns an upload POST for one plan item',
    table: ['GetItem', 'PutItem'],
  },
  {
    name: 'get-upload',
    method: HttpMethod.GET,
    path: '/agencies/{agencyId}/uploads/{uploadId}',
    description: 'Reads the result of an upload',
    table: ['GetItem'],
  },
  {
    name: 'list-approvals',
    method: HttpMethod.GET,
    path: '/approvals',
    description: "The caller's approvals inbox",
    table: [],
  },
  {
    name: 'decide-approval',
    method: HttpMethod.POST,
    path: '/approvals/{approvalId}',
    description: 'Approves or returns a pending approval',
    table: ['GetItem', 'UpdateItem'],
  },
  {
    name: 'list-rounds',
    method: HttpMethod.GET,
    path: '/agencies/{agencyId}/rounds',
    description: "The agency's rounds, newest first",
    table: ['Query'],
  },
  {
    name: 'get-item',
    method: HttpMethod.GET,
    path: '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}',
    description: "A plan item's state, versions, decisions and latest refused upload",
    table: ['Query', 'GetItem', 'BatchGetItem'],
  },
  {
    name: 'get-version',
    method: HttpMethod.GET,
    path: '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/versions/{version}',
    description: "A stored version's submission, for the preview",
    table: ['GetItem'],
  },
  {
    name: 'get-draft',
    method: HttpMethod.GET,
    path: '/agencies/{agencyId}/rounds/{roundId}/draft',
    description: 'The rolled-up report awaiting sign-off',
    table: ['GetItem'],
  },
  {
    name: 'list-decisions',
    method: HttpMethod.GET,
    path: '/approvals/decided',
    description: "The caller's decisions, newest first",
    table: [],
  },
  {
    name: 'send-reminders',
    method: HttpMethod.POST,
    path: '/agencies/{agencyId}/rounds/{roundId}/reminders',
    description: 'Reminds divisions that owe a report and approvers a step waits for',
    table: ['Query', 'BatchGetItem'],
  },
];

/** Cognito fills in {username} and {####} (the temporary password). */
const INVITATION_BODY = [
  'ท่านได้รับเชิญให้เข้าใช้ระบบรายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต',
  'ชื่อผู้ใช้: {username}<br>รหัสผ่านชั่วคราว: {####}<br>',
  'กรุณาเข้าสู่ระบบภายใน ๓ วัน แล้วตั้งรหัสผ่านใหม่<br><br>',
  'You are invited to acm-report, the anti-corruption plan monitoring reports.<br>',
  'Username: {username}<br>Temporary password: {####}<br>',
  'Please sign in within 3 days and set a new password.',
].join('<br>');

export class Api extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly httpApi: HttpApi;
  readonly functions: Record<string, AcmFunction> = {};

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Users', {
      userPoolName: `acm-report-${props.stage}`,
      // Staff are added by an administrator; nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // ตำแหน่ง: printed under the head's name on the published sign-off.
      customAttributes: {
        position: new StringAttribute({ minLen: 1, maxLen: 200, mutable: true }),
      },
      // The invitation AdminCreateUser sends (the people screen's invite), Thai first.
      userInvitation: {
        emailSubject: 'เชิญเข้าใช้ระบบรายงานการกำกับติดตาม / Invitation to acm-report',
        emailBody: INVITATION_BODY,
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The portal signs in through the hosted UI: authorization code with PKCE (a public
    // client, no secret), returning to the portal itself or an agency's own portal origin.
    const portalPages = [props.portalUrl, ...props.portalOrigins].map((origin) => `${origin}/`);
    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: `acm-report-${props.stage}-${Stack.of(this).account}` },
    });
    this.client = this.userPool.addClient('Portal', {
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: portalPages,
        logoutUrls: portalPages,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });
    for (const agency of props.agencies) {
      for (const role of STAFF_ROLES) {
        new CfnUserPoolGroup(this, `Group-${agency}-${role}`, {
          userPoolId: this.userPool.userPoolId,
          groupName: roleGroupName(agency, role),
          description: `${role} of ${agency}`,
        });
      }
    }

    const authorizer = new HttpJwtAuthorizer(
      'Cognito',
      `https://cognito-idp.${this.userPool.stack.region}.amazonaws.com/${this.userPool.userPoolId}`,
      { jwtAudience: [this.client.userPoolClientId] },
    );
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `acm-report-${props.stage}`,
      defaultAuthorizer: authorizer,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [props.portalUrl, ...props.portalOrigins],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST],
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.jsonWithStandardFields(),
      },
    });

    for (const route of ROUTES) {
      const fn = new AcmFunction(this, route.name, {
        name: route.name,
        stage: props.stage,
        description: route.description,
        environment: { TABLE_NAME: props.table.tableName },
      });
      this.functions[route.name] = fn;
      if (route.table.length > 0) grantTable(fn.function, props.table, route.table);
      this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method],
        integration: new HttpLambdaIntegration(`${route.name}-integration`, fn.function),
      });
    }

    const upload = this.fn('request-upload');
    upload.addEnvironment('INCOMING_BUCKET', props.incoming.bucketName);
    // The presigned POST is signed with this role: it may create upload objects, nothing else.
    grantObjects(
      upload,
      props.incoming,
      ['PutObject'],
      'incoming/',
      'the presigned POST names one upload key.',
    );
    grantInboxQuery(this.fn('list-approvals'), props.table);
    grantIndexQuery(this.fn('list-decisions'), props.table, DECIDED_INDEX);
    for (const name of ['get-version', 'get-draft']) {
      this.fn(name).addEnvironment('INCOMING_BUCKET', props.incoming.bucketName);
    }
    grantObjects(
      this.fn('get-version'),
      props.incoming,
      ['GetObject'],
      'submissions/',
      'the preview reads the validated submission of one stored version.',
    );
    grantObjects(
      this.fn('get-draft'),
      props.incoming,
      ['GetObject'],
      'drafts/',
      'the sign-off preview reads the rolled-up draft.',
    );
    const remind = this.fn('send-reminders');
    remind.addEnvironment('APPROVALS_QUEUE_URL', props.approvalsQueue.queueUrl);
    props.approvalsQueue.grantSendMessages(remind);
    const decide = this.fn('decide-approval');
    decide.addEnvironment('STATE_MACHINE_ARN', props.stateMachineArn);
    decide.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:SendTaskSuccess'],
        resources: [props.stateMachineArn],
      }),
    );
  }

  private fn(name: string) {
    const found = this.functions[name];
    if (!found) throw new Error(`no function ${name}`);
    return found.function;
  }

  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
