/**
 * Cognito user pools on 127.0.0.1: cognito-local, which speaks the admin
 * and auth APIs (AdminCreateUser, groups, ListUsersInGroup, InitiateAuth)
 * and signs its JWTs with RS256 under a JWKS it serves, so the local API
 * verifies tokens as the HTTP API's JWT authorizer does.
 *
 * Where it falls short, and what is done here about it:
 * - It keeps its data under the working directory: here, a temporary one.
 * - It ignores the pool's invitation template and only logs the temporary
 *   password. Cognito with SES e-mail sends the template through SES; so
 *   does this sender, with the template the synthesised stack declares.
 * - Its ID tokens carry e-mail and custom attributes but not `name`: the
 *   pre-token-generation hook below adds it, as Cognito itself would.
 * - CreateGroup on an existing group replaces it and drops its members;
 *   Cognito refuses with GroupExistsException, and so does the wrapper below.
 * - ListUsersInGroup answers every member at once, ignoring Limit and
 *   NextToken; the wrapper pages it as Cognito does (cognito-paging.ts).
 * - MFA is not asked for (the deployed pool requires TOTP).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import pino from 'pino';
import { pagedUsersInGroup } from './cognito-paging.js';
import { adoptLoopbackServer } from './listen-on-loopback.js';

export interface InvitationTemplate {
  subject: string;
  body: string;
}

export interface LocalCognito {
  endpoint: string;
  /** The issuer of its tokens for a pool: `${endpoint}/${poolId}`. */
  issuer(userPoolId: string): string;
  close(): Promise<void>;
}

interface Attribute {
  Name: string;
  Value: string;
}
interface LocalUser {
  Username: string;
  Attributes: Attribute[];
}

// cognito-local is CommonJS without ESM entry points for its parts.
type Module = Record<string, new (...args: never[]) => unknown>;
const load = async (path: string) =>
  (await import(`cognito-local/lib/${path}.js`)) as unknown as Module;

export async function startLocalCognito(options: {
  region: string;
  sesEndpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  mailFrom: string;
  invitation: InvitationTemplate;
}): Promise<LocalCognito> {
  const directory = await mkdtemp(join(tmpdir(), 'acm-report-cognito-'));
  const [
    services,
    cognitoService,
    stormDb,
    delivery,
    otp,
    tokens,
    userPools,
    router,
    server,
    errors,
  ] = await Promise.all([
    load('services/index'),
    load('services/cognitoService'),
    load('services/dataStore/stormDb'),
    load('services/messageDelivery/messageDelivery'),
    load('services/otp'),
    load('services/tokenGenerator'),
    load('services/userPoolService'),
    load('server/Router'),
    load('server/server'),
    load('errors'),
  ]);
  const logger = pino({ level: process.env.ACM_COGNITO_DEBUG ? 'debug' : 'silent' });
  const ses = new SESv2Client({
    region: options.region,
    endpoint: options.sesEndpoint,
    credentials: options.credentials,
  });
  // Cognito's SES e-mail: the pool's invitation template, {username} and {####} filled in.
  const sender = {
    async sendEmail(
      _ctx: unknown,
      user: LocalUser,
      destination: string,
      message: { __code?: string },
    ) {
      const fill = (text: string) =>
        text.replaceAll('{username}', user.Username).replaceAll('{####}', message.__code ?? '');
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: options.mailFrom,
          Destination: { ToAddresses: [destination] },
          Content: {
            Simple: {
              Subject: { Data: fill(options.invitation.subject) },
              Body: { Html: { Data: fill(options.invitation.body) } },
            },
          },
        }),
      );
    },
    async sendSms() {
      throw new Error('acm-report sends no SMS');
    },
  };
  const ctx = { logger };
  const clock = new (services.DateClock as new () => unknown)();
  const dataStores = new (stormDb.StormDBDataStoreFactory as new (d: string) => unknown)(directory);
  const factory = new (
    cognitoService.CognitoServiceFactoryImpl as new (
      ...a: unknown[]
    ) => {
      create(ctx: unknown, defaults: unknown): Promise<unknown>;
    }
  )(
    directory,
    dataStores,
    new (userPools.UserPoolServiceFactoryImpl as new (...a: unknown[]) => unknown)(
      clock,
      dataStores,
    ),
  );
  const cognito = await factory.create(ctx, { UsernameAttributes: [] });
  const tokenConfig = { IssuerDomain: 'http://127.0.0.1' };
  const noLambda = {
    enabled: () => false,
  };
  // Adds the `name` attribute to ID tokens (see the note above); nothing else.
  const triggers = {
    enabled: (name: string) => name === 'PreTokenGeneration',
    async preTokenGeneration(_ctx: unknown, request: { userAttributes: Attribute[] }) {
      const name = request.userAttributes.find((a) => a.Name === 'name')?.Value;
      return { claimsOverrideDetails: { claimsToAddOrOverride: name ? { name } : {} } };
    },
  };
  const services_ = {
    clock,
    cognito,
    config: { TokenConfig: tokenConfig },
    messages: new (services.MessagesService as new (...a: unknown[]) => unknown)(
      noLambda,
      new (delivery.MessageDeliveryService as new (s: unknown) => unknown)(sender),
    ),
    otp: (otp as unknown as { otp: unknown }).otp,
    tokenGenerator: new (tokens.JwtTokenGenerator as new (...a: unknown[]) => unknown)(
      clock,
      triggers,
      tokenConfig,
    ),
    triggers: noLambda,
  };
  type Route = (
    ctx: unknown,
    req: { UserPoolId?: string; GroupName?: string; Limit?: number; NextToken?: string },
  ) => Promise<unknown>;
  const routes = (router.Router as unknown as (s: unknown) => (target: string) => Route)(services_);
  const CognitoError = errors.CognitoError as unknown as new (
    code: string,
    message: string,
  ) => Error;
  const pools = cognito as {
    getUserPool(
      ctx: unknown,
      id: string,
    ): Promise<{
      getGroupByGroupName(ctx: unknown, name: string): Promise<unknown>;
    }>;
  };
  const faithful = (target: string): Route => {
    const route = routes(target);
    if (target === 'ListUsersInGroup') {
      return pagedUsersInGroup(
        route,
        (message) => new CognitoError('InvalidParameterException', message),
      );
    }
    if (target !== 'CreateGroup') return route;
    return async (routeCtx, req) => {
      const pool = await pools.getUserPool(routeCtx, req.UserPoolId ?? '');
      // Its store throws, rather than answering "none", while a pool has no group at all.
      const existing = await pool
        .getGroupByGroupName(routeCtx, req.GroupName ?? '')
        .catch(() => undefined);
      if (existing)
        throw new CognitoError('GroupExistsException', 'A group with the name already exists.');
      return route(routeCtx, req);
    };
  };
  const app = (server.createServer as unknown as (...a: unknown[]) => { start(): Promise<Server> })(
    faithful,
    logger,
    { port: 0, hostname: '127.0.0.1', development: false, https: false },
    services_,
  );
  const http = await app.start();
  adoptLoopbackServer(http);
  const endpoint = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  tokenConfig.IssuerDomain = endpoint;
  return {
    endpoint,
    issuer: (userPoolId) => `${endpoint}/${userPoolId}`,
    async close() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await rm(directory, { recursive: true, force: true });
    },
  };
}
