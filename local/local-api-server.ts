/**
 * The HTTP API on 127.0.0.1: the template's routes, each to its function,
 * as API Gateway (payload format 2.0) would call it, with the claims of
 * the bearer token once the JWT authorizer (local-jwt-authorizer.ts) has
 * verified it against the local user pool.
 */

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { listenOnLoopback } from './listen-on-loopback.js';
import type { LocalFunctions } from './local-functions.js';
import type { JwtAuthorizer } from './local-jwt-authorizer.js';
import type { LocalResources } from './local-resources.js';
import { type CfnTemplate, resolveIntrinsics, resourcesOfType } from './local-template.js';

interface Route {
  method: string;
  pattern: RegExp;
  parameters: string[];
  routeKey: string;
  functionArn: string;
  authorised: boolean;
}

/** Where the local API tells the CLI how to sign a local person in. */
export const LOCAL_SIGN_IN_PATH = '/.well-known/acm-report-local-sign-in';

/**
 * API Gateway's own limit (10 MB). A round of 5,000 plan items is about
 * 1.7 MB of JSON (open-round takes up to 5 MiB); a lower cap here refused
 * locally what AWS accepts.
 */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

function routesOf(template: CfnTemplate, resources: LocalResources): Route[] {
  const integrations = new Map(resourcesOfType(template, 'AWS::ApiGatewayV2::Integration'));
  return resourcesOfType(template, 'AWS::ApiGatewayV2::Route').map(([, route]) => {
    const p = route.Properties ?? {};
    const routeKey = String(p.RouteKey);
    const [method = 'GET', path = '/'] = routeKey.split(' ');
    const target = (p.Target as { 'Fn::Join': [string, Array<string | { Ref: string }>] })[
      'Fn::Join'
    ][1];
    const integrationId = (target.find((part) => typeof part === 'object') as { Ref: string }).Ref;
    const integration = integrations.get(integrationId);
    const parameters: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/\{([^}]+)\}/g, (_, name: string) => {
        parameters.push(name);
        return '([^/]+)';
      })}$`,
    );
    return {
      method,
      pattern,
      parameters,
      routeKey,
      functionArn: String(resolveIntrinsics(integration?.Properties?.IntegrationUri, resources)),
      authorised: p.AuthorizationType === 'JWT',
    };
  });
}

interface Cors {
  allowOrigins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  maxAge?: number;
}

/** The API's CORS configuration, as API Gateway answers it for the portal's origins. */
function corsOf(template: CfnTemplate, resources: LocalResources): Cors {
  const [api] = resourcesOfType(template, 'AWS::ApiGatewayV2::Api');
  const config = (resolveIntrinsics(api?.[1].Properties?.CorsConfiguration, resources) ?? {}) as {
    AllowOrigins?: string[];
    AllowMethods?: string[];
    AllowHeaders?: string[];
    MaxAge?: number;
  };
  return {
    allowOrigins: config.AllowOrigins ?? [],
    allowMethods: config.AllowMethods ?? [],
    allowHeaders: config.AllowHeaders ?? [],
    ...(config.MaxAge !== undefined ? { maxAge: config.MaxAge } : {}),
  };
}

function corsHeaders(cors: Cors, origin: string | undefined): Record<string, string> {
  if (!origin || !(cors.allowOrigins.includes(origin) || cors.allowOrigins.includes('*')))
    return {};
  return { 'access-control-allow-origin': origin, vary: 'origin' };
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
}

export async function startLocalApi(
  template: CfnTemplate,
  resources: LocalResources,
  functions: LocalFunctions,
  authorizer: JwtAuthorizer,
  /** What the CLI's `--as` needs to sign a local person in (local only: no such path in AWS). */
  localSignIn?: { endpoint: string; clientId: string; password: string },
): Promise<{ url: string; close(): Promise<void> }> {
  const routes = routesOf(template, resources);
  const cors = corsOf(template, resources);
  const server: Server = createServer(async (request, response) => {
    const allowed = corsHeaders(cors, request.headers.origin);
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers, ...allowed });
      response.end(body);
    };
    // A preflight is answered by the API itself, before any route or authorizer.
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      response.writeHead(204, {
        ...allowed,
        ...(allowed['access-control-allow-origin']
          ? {
              'access-control-allow-methods': cors.allowMethods.join(','),
              'access-control-allow-headers': cors.allowHeaders.join(','),
              ...(cors.maxAge !== undefined
                ? { 'access-control-max-age': String(cors.maxAge) }
                : {}),
            }
          : {}),
      });
      response.end();
      return;
    }
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (localSignIn && url.pathname === LOCAL_SIGN_IN_PATH)
        return send(200, JSON.stringify(localSignIn));
      const match = routes
        .map((route) => ({
          route,
          found: route.method === request.method ? route.pattern.exec(url.pathname) : null,
        }))
        .find((m) => m.found);
      if (!match?.found) return send(404, JSON.stringify({ message: 'Not Found' }));
      const { route, found } = match;
      const authorization = request.headers.authorization ?? '';
      const token = authorization.replace(/^Bearer\s+/i, '');
      const claims = route.authorised && token ? await authorizer.claimsOf(token) : undefined;
      // As API Gateway's JWT authorizer: no valid token, no call to the function.
      if (route.authorised && !claims)
        return send(401, JSON.stringify({ message: 'Unauthorized' }));
      const body = await readBody(request);
      const now = new Date();
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join(',') : (v ?? ''),
        ]),
      );
      const event = {
        version: '2.0',
        routeKey: route.routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.replace(/^\?/, ''),
        headers,
        ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
        pathParameters: Object.fromEntries(
          route.parameters.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]),
        ),
        ...(body === undefined ? {} : { body, isBase64Encoded: false }),
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          domainName: '127.0.0.1',
          domainPrefix: 'local',
          http: {
            method: route.method,
            path: url.pathname,
            protocol: 'HTTP/1.1',
            sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
            userAgent: headers['user-agent'] ?? '',
          },
          requestId: randomUUID(),
          routeKey: route.routeKey,
          stage: '$default',
          time: now.toUTCString(),
          timeEpoch: now.getTime(),
          ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
        },
      };
      const result = (await functions.invoke(
        route.functionArn,
        event,
      )) as APIGatewayProxyStructuredResultV2;
      const resultHeaders = Object.fromEntries(
        Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]),
      );
      send(result.statusCode ?? 200, result.body ?? '', resultHeaders);
    } catch (error) {
      // API Gateway answers 500 when the integration fails.
      send(500, JSON.stringify({ message: 'Internal Server Error', detail: String(error) }));
    }
  });
  return listenOnLoopback(server);
}
