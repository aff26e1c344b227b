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
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionManifest } from '../../functions/common/function-manifest.js';
import { MANIFESTS, type ManifestCatalog } from '../../functions/manifests.js';
import {
  NATIONAL_OPERATOR_GROUP,
  roleGroupName,
  STAFF_ROLES,
} from '../../shared/workflow/roles.js';
import { AcmFunction, manifestNamed } from './acm-function.js';
import type { FunctionResources } from './grants.js';
import { hostedUiDomainPrefix } from './hosted-ui-domain.js';

export interface ApiProps {
  stage: string;
  manifests: ManifestCatalog;
  table: Table;
  incoming: Bucket;
  /** Read by the annual round's carry-over: the published H1 report holds the approved versions. */
  published: Bucket;
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

/**
 * One JSON line per request in HTTP API logging variables ($context.routeKey,
 * not the REST API's $context.resourcePath, which an HTTP API stage refuses).
 */
export const HTTP_API_ACCESS_LOG = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    httpMethod: '$context.httpMethod',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

export interface Route {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  description: string;
}

/** The routes of the API built from these manifests: every function with an HTTP trigger. */
export function routesOf(manifests: Iterable<FunctionManifest>): Route[] {
  return [...manifests].flatMap(({ name, description, trigger }) =>
    trigger.kind === 'http'
      ? [{ name, method: trigger.method, path: trigger.path, description }]
      : [],
  );
}

/** Every route of the API (the authorisation matrix test needs a row for each). */
export const ROUTES: readonly Route[] = routesOf(MANIFESTS);

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
      cognitoDomain: { domainPrefix: hostedUiDomainPrefix(props.stage, Stack.of(this).account) },
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

    // Who creates further agencies (their groups and first coordinator) in a shared deployment.
    new CfnUserPoolGroup(this, 'Group-national-operator', {
      userPoolId: this.userPool.userPoolId,
      groupName: NATIONAL_OPERATOR_GROUP,
      description: 'national operator: creates agencies and their first coordinator',
    });

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
        format: HTTP_API_ACCESS_LOG,
      },
    });

    const resources: FunctionResources = {
      table: props.table,
      incomingBucket: props.incoming,
      publishedBucket: props.published,
      approvalsQueue: props.approvalsQueue,
      stateMachineArn: props.stateMachineArn,
      // The people routes' Cognito admin calls, on this pool only.
      userPool: this.userPool,
    };
    for (const route of routesOf(props.manifests.values())) {
      const fn = new AcmFunction(this, route.name, {
        manifest: manifestNamed(props.manifests, route.name),
        stage: props.stage,
        resources,
      });
      this.functions[route.name] = fn;
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.name}-integration`, fn.function),
      });
    }
  }

  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
