/**
 * What an AWS API request asks for, in IAM's terms (DynamoDB, S3, SQS, Step
 * Functions, SES v2, Cognito user pools, Secrets Manager): who signed it (the
 * access key id, from the Authorization header, a presigned URL's query or
 * a presigned POST's form) and each action on each resource ARN it needs,
 * with the condition keys the request itself determines. A request this
 * cannot read is "undecided": the IAM front logs it rather than guess.
 */

import type { IncomingHttpHeaders } from 'node:http';

export type IamService =
  | 'dynamodb'
  | 's3'
  | 'sqs'
  | 'states'
  | 'ses'
  | 'cognito-idp'
  | 'secretsmanager';

export interface IamCheck {
  action: string;
  resource: string;
  context: Record<string, string | string[]>;
}

export interface RequestShape {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type ReadRequest =
  | { kind: 'checks'; accessKeyId: string | undefined; checks: IamCheck[] }
  /** Needs no authorisation (a CORS preflight). */
  | { kind: 'open' }
  | { kind: 'undecided'; accessKeyId: string | undefined; reason: string };

export interface AccountFacts {
  region: string;
  accountId: string;
  /** The partition key attribute of a table, for dynamodb:LeadingKeys. */
  hashKeyOf(table: string): string | undefined;
  /** The SES identities (domains, addresses) the deployment sends from: its parameter. */
  sesIdentities: readonly string[];
  /** A secret's full ARN, by name or ARN (IAM evaluates against the ARN). */
  secretArnOf?(secretId: string): string | undefined;
}

const CREDENTIAL = /Credential=([^/,\s]+)\//;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function keyIdFromHeadersOrQuery(headers: IncomingHttpHeaders, query: URLSearchParams) {
  const authorization = header(headers, 'authorization');
  const fromHeader = authorization ? CREDENTIAL.exec(authorization)?.[1] : undefined;
  return fromHeader ?? query.get('X-Amz-Credential')?.split('/')[0] ?? undefined;
}

function operationOf(headers: IncomingHttpHeaders): string | undefined {
  return header(headers, 'x-amz-target')?.split('.').pop();
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8') || '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

type AttributeMap = Record<string, { S?: string; N?: string; B?: string } | undefined>;

function leadingKey(
  item: AttributeMap | undefined,
  table: string,
  facts: AccountFacts,
): string[] | undefined {
  const hashKey = facts.hashKeyOf(table);
  const value = hashKey ? item?.[hashKey] : undefined;
  const key = value?.S ?? value?.N ?? value?.B;
  return key === undefined ? undefined : [key];
}

function dynamoChecks(
  operation: string,
  body: Record<string, unknown>,
  facts: AccountFacts,
): IamCheck[] | string {
  const tableArn = (table: string) =>
    `arn:aws:dynamodb:${facts.region}:${facts.accountId}:table/${table}`;
  const action = `dynamodb:${operation}`;
  if (operation === 'BatchGetItem' || operation === 'BatchWriteItem') {
    const items = (body.RequestItems ?? {}) as Record<string, { Keys?: AttributeMap[] }>;
    return Object.entries(items).map(([table, request]): IamCheck => {
      const keys = (request.Keys ?? []).flatMap((k) => leadingKey(k, table, facts) ?? []);
      return {
        action,
        resource: tableArn(table),
        context: keys.length ? { 'dynamodb:LeadingKeys': [...new Set(keys)] } : {},
      };
    });
  }
  const table = body.TableName;
  if (typeof table !== 'string') return `${operation} names no TableName`;
  const index = typeof body.IndexName === 'string' ? `/index/${body.IndexName}` : '';
  const keys = leadingKey((body.Key ?? body.Item) as AttributeMap | undefined, table, facts);
  return [
    {
      action,
      resource: `${tableArn(table)}${index}`,
      context: keys ? { 'dynamodb:LeadingKeys': keys } : {},
    },
  ];
}

function queueArnOf(queueUrl: string, facts: AccountFacts): string | undefined {
  const [, account, name] = new URL(queueUrl).pathname.split('/');
  return name ? `arn:aws:sqs:${facts.region}:${account || facts.accountId}:${name}` : undefined;
}

function sqsChecks(
  operation: string,
  body: Record<string, unknown>,
  facts: AccountFacts,
): IamCheck[] | string {
  // The batch operations are authorised as their single forms.
  const action = `sqs:${operation.replace(/Batch$/, '')}`;
  const arn =
    typeof body.QueueUrl === 'string'
      ? queueArnOf(body.QueueUrl, facts)
      : typeof body.QueueName === 'string'
        ? `arn:aws:sqs:${facts.region}:${facts.accountId}:${body.QueueName}`
        : undefined;
  if (!arn) return `${operation} names no queue`;
  return [{ action, resource: arn, context: {} }];
}

/** Task-token actions support no resource-level permission: IAM evaluates them on "*". */
const STATES_WITHOUT_RESOURCE = new Set([
  'SendTaskSuccess',
  'SendTaskFailure',
  'SendTaskHeartbeat',
  'ListStateMachines',
]);

function statesChecks(operation: string, body: Record<string, unknown>): IamCheck[] | string {
  const action = `states:${operation}`;
  if (STATES_WITHOUT_RESOURCE.has(operation)) return [{ action, resource: '*', context: {} }];
  const arn = body.stateMachineArn ?? body.executionArn;
  if (typeof arn !== 'string') return `${operation} names no state machine or execution`;
  return [{ action, resource: arn, context: {} }];
}

/**
 * Cognito's user pool API: every action is `cognito-idp:<X-Amz-Target's
 * operation>` on the pool the body names, so admin actions added later are
 * read the same way. The token-authorised actions (InitiateAuth, GetUser …)
 * are not IAM's: unsigned, they pass as AWS lets them.
 */
function cognitoChecks(
  operation: string,
  body: Record<string, unknown>,
  facts: AccountFacts,
): IamCheck[] | string {
  const pool = body.UserPoolId;
  if (typeof pool !== 'string') return `${operation} names no UserPoolId`;
  return [
    {
      action: `cognito-idp:${operation}`,
      resource: `arn:aws:cognito-idp:${facts.region}:${facts.accountId}:userpool/${pool}`,
      context: {},
    },
  ];
}

/**
 * Secrets Manager: `secretsmanager:<operation>` on the secret's full ARN,
 * whether the request names it by ARN or by name. A secret that does not
 * exist is evaluated on the ARN its name would have, as IAM evaluates
 * before the service looks the secret up.
 */
function secretsChecks(
  operation: string,
  body: Record<string, unknown>,
  facts: AccountFacts,
): IamCheck[] | string {
  const id = body.SecretId ?? body.Name;
  if (typeof id !== 'string') return `${operation} names no SecretId`;
  const arn =
    facts.secretArnOf?.(id) ??
    (id.startsWith('arn:')
      ? id
      : `arn:aws:secretsmanager:${facts.region}:${facts.accountId}:secret:${id}`);
  return [{ action: `secretsmanager:${operation}`, resource: arn, context: {} }];
}

/** SES v2 REST routes the functions call (POST path → action). */
const SES_ROUTES: Record<string, string> = {
  '/v2/email/outbound-emails': 'SendEmail',
  '/v2/email/outbound-bulk-emails': 'SendEmail',
};

/**
 * The identity SES sends a From address as: the address itself when it is a
 * verified identity, else its domain (the usual case: a verified agency domain).
 */
function sendingIdentity(from: string, facts: AccountFacts): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  if (facts.sesIdentities.includes(address)) return address;
  return address.split('@').pop() ?? address;
}

/**
 * SES v2 sending: ses:SendEmail on the sending identity and, when named, the
 * configuration set, with the From address as ses:FromAddress (the grant's
 * condition). Any other SES route is undecided (no function calls one).
 */
function sesRequest(request: RequestShape, facts: AccountFacts): ReadRequest {
  const url = new URL(request.url, 'http://ses.local');
  const accessKeyId = keyIdFromHeadersOrQuery(request.headers, url.searchParams);
  const operation = request.method.toUpperCase() === 'POST' ? SES_ROUTES[url.pathname] : undefined;
  if (!operation) {
    return { kind: 'undecided', accessKeyId, reason: `${request.method} ${url.pathname}` };
  }
  const body = parseJson(request.body);
  const from = body?.FromEmailAddress;
  if (typeof from !== 'string') {
    return { kind: 'undecided', accessKeyId, reason: `${operation} names no FromEmailAddress` };
  }
  const arn = (kind: string, name: string) =>
    `arn:aws:ses:${facts.region}:${facts.accountId}:${kind}/${name}`;
  const identityArn =
    typeof body?.FromEmailAddressIdentityArn === 'string'
      ? body.FromEmailAddressIdentityArn
      : arn('identity', sendingIdentity(from, facts));
  const context = { 'ses:FromAddress': /<([^>]+)>/.exec(from)?.[1] ?? from, 'ses:ApiVersion': '2' };
  const checks: IamCheck[] = [{ action: `ses:${operation}`, resource: identityArn, context }];
  if (typeof body?.ConfigurationSetName === 'string') {
    checks.push({
      action: `ses:${operation}`,
      resource: arn('configuration-set', body.ConfigurationSetName),
      context,
    });
  }
  return { kind: 'checks', accessKeyId, checks };
}

/** The text fields of a multipart/form-data body, up to the file (S3 requires it last). */
export function formFields(body: Buffer, contentType: string): Map<string, string> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const fields = new Map<string, string>();
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return fields;
  // latin1 keeps byte offsets; field values here are ASCII (keys, policies, signatures).
  const text = body.toString('latin1');
  for (const part of text.split(`--${marker}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const name = /name="([^"]*)"/i.exec(part.slice(0, split))?.[1];
    if (!name) continue;
    if (name.toLowerCase() === 'file') break;
    fields.set(name.toLowerCase(), part.slice(split + 4).replace(/\r\n$/, ''));
  }
  return fields;
}

function s3Request(request: RequestShape): ReadRequest {
  const url = new URL(request.url, 'http://s3.local');
  const query = url.searchParams;
  const [, bucket = '', ...keyParts] = url.pathname.split('/');
  const key = decodeURIComponent(keyParts.join('/'));
  const method = request.method.toUpperCase();
  if (method === 'OPTIONS') return { kind: 'open' };
  const objectArn = (k: string) => `arn:aws:s3:::${bucket}/${k}`;
  const checks = (accessKeyId: string | undefined, list: IamCheck[]): ReadRequest => ({
    kind: 'checks',
    accessKeyId,
    checks: list,
  });
  const none = {};
  if (method === 'POST' && !key && !query.has('delete')) {
    // A browser upload with a presigned POST: the signer is in the form.
    const fields = formFields(request.body, header(request.headers, 'content-type') ?? '');
    const formKey = fields.get('key');
    const signer = fields.get('x-amz-credential')?.split('/')[0];
    if (!formKey) return { kind: 'undecided', accessKeyId: signer, reason: 'POST form has no key' };
    return checks(signer, [
      { action: 's3:PutObject', resource: objectArn(formKey), context: none },
    ]);
  }
  const accessKeyId = keyIdFromHeadersOrQuery(request.headers, query);
  if (!bucket) return { kind: 'undecided', accessKeyId, reason: `${method} / names no bucket` };
  if (!key) {
    if (method === 'GET' || method === 'HEAD') {
      return checks(accessKeyId, [
        { action: 's3:ListBucket', resource: `arn:aws:s3:::${bucket}`, context: none },
      ]);
    }
    return { kind: 'undecided', accessKeyId, reason: `${method} on bucket ${bucket}` };
  }
  if (method === 'GET' || method === 'HEAD') {
    return checks(accessKeyId, [
      { action: 's3:GetObject', resource: objectArn(key), context: none },
    ]);
  }
  if (method === 'PUT' || method === 'POST') {
    const list = [{ action: 's3:PutObject', resource: objectArn(key), context: none }];
    const source = header(request.headers, 'x-amz-copy-source');
    if (source) {
      const decoded = decodeURIComponent(source.replace(/^\//, '').split('?')[0] ?? '');
      list.push({ action: 's3:GetObject', resource: `arn:aws:s3:::${decoded}`, context: none });
    }
    return checks(accessKeyId, list);
  }
  if (method === 'DELETE') {
    return checks(accessKeyId, [
      { action: 's3:DeleteObject', resource: objectArn(key), context: none },
    ]);
  }
  return { kind: 'undecided', accessKeyId, reason: `${method} on an object` };
}

export function readRequest(
  service: IamService,
  request: RequestShape,
  facts: AccountFacts,
): ReadRequest {
  if (service === 's3') return s3Request(request);
  if (service === 'ses') return sesRequest(request, facts);
  const accessKeyId = keyIdFromHeadersOrQuery(request.headers, new URLSearchParams());
  const operation = operationOf(request.headers);
  const body = parseJson(request.body);
  if (!operation || !body) {
    return { kind: 'undecided', accessKeyId, reason: 'no X-Amz-Target or no JSON body' };
  }
  if (service === 'cognito-idp' && !accessKeyId) return { kind: 'open' };
  const checks =
    service === 'dynamodb'
      ? dynamoChecks(operation, body, facts)
      : service === 'sqs'
        ? sqsChecks(operation, body, facts)
        : service === 'cognito-idp'
          ? cognitoChecks(operation, body, facts)
          : service === 'secretsmanager'
            ? secretsChecks(operation, body, facts)
            : statesChecks(operation, body);
  return typeof checks === 'string'
    ? { kind: 'undecided', accessKeyId, reason: checks }
    : { kind: 'checks', accessKeyId, checks };
}
