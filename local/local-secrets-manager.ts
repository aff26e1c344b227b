/**
 * AWS Secrets Manager on 127.0.0.1 — a small stand-in written here because
 * no emulator of the service runs on this machine kind (no Docker, and none
 * on npm fits beside the others). It speaks the service's own protocol
 * (awsJson1_1: POST /, `X-Amz-Target: secretsmanager.<Operation>`), so the
 * handlers' SDK client and Powertools' SecretsProvider talk to it unchanged,
 * and it answers the service's error shapes (ResourceNotFoundException …),
 * which the handlers tell apart. Only what acm-report uses is served:
 * CreateSecret (the template's secrets, at start), PutSecretValue (the stack
 * seeding the local webhook inbox's URL) and GetSecretValue (the notifier).
 * It checks no signature: the local IAM front before it does that.
 */

import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './listen-on-loopback.js';

/** The staging label of a secret's current version, as the service names it. */
const CURRENT = 'AWSCURRENT';

interface StoredVersion {
  versionId: string;
  secretString?: string;
  /** Base64, as the JSON protocol carries blobs. */
  secretBinary?: string;
  createdDate: number;
}

interface StoredSecret {
  arn: string;
  name: string;
  description?: string;
  current?: StoredVersion;
}

export interface LocalSecretsManager {
  endpoint: string;
  /** The full ARN of a secret, by name or ARN (the IAM front evaluates requests against it). */
  arnOf(secretId: string): string | undefined;
  close(): Promise<void>;
}

/** An error as Secrets Manager answers it: HTTP 400 and `__type` naming the exception. */
class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const notFound = () =>
  new ServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");

type Body = Record<string, unknown>;

function text(body: Body, field: string, required = true): string | undefined {
  const value = body[field];
  if (typeof value === 'string' && value.length > 0) return value;
  if (value === undefined && !required) return undefined;
  throw new ServiceError('InvalidParameterException', `You must provide a valid ${field}.`);
}

/** The secret's value fields, one of the two (the service refuses both or neither on a put). */
function versionOf(body: Body, required: boolean): Omit<StoredVersion, 'createdDate'> | undefined {
  const secretString = typeof body.SecretString === 'string' ? body.SecretString : undefined;
  const secretBinary = typeof body.SecretBinary === 'string' ? body.SecretBinary : undefined;
  if (secretString !== undefined && secretBinary !== undefined) {
    throw new ServiceError(
      'InvalidParameterException',
      'You must provide either SecretString or SecretBinary, not both.',
    );
  }
  if (secretString === undefined && secretBinary === undefined) {
    if (!required) return undefined;
    throw new ServiceError(
      'InvalidRequestException',
      'You must provide either SecretString or SecretBinary.',
    );
  }
  const versionId = typeof body.ClientRequestToken === 'string' ? body.ClientRequestToken : '';
  return {
    versionId: versionId || randomUUID(),
    ...(secretString !== undefined ? { secretString } : {}),
    ...(secretBinary !== undefined ? { secretBinary } : {}),
  };
}

export async function startLocalSecretsManager(options: {
  region: string;
  accountId: string;
}): Promise<LocalSecretsManager> {
  const secrets = new Map<string, StoredSecret>();
  const find = (secretId: string) =>
    secrets.get(secretId) ?? [...secrets.values()].find((s) => s.arn === secretId);
  // Epoch seconds, as the JSON protocol carries timestamps.
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  // The service appends six random characters to every secret's ARN.
  const arnFor = (name: string) =>
    `arn:aws:secretsmanager:${options.region}:${options.accountId}:secret:${name}-${randomBytes(
      3,
    ).toString('hex')}`;

  const operations: Record<string, (body: Body) => Body> = {
    CreateSecret(body) {
      const name = text(body, 'Name') as string;
      if (find(name)) {
        throw new ServiceError(
          'ResourceExistsException',
          `The operation failed because the secret ${name} already exists.`,
        );
      }
      const value = versionOf(body, false);
      const description = text(body, 'Description', false);
      const secret: StoredSecret = {
        arn: arnFor(name),
        name,
        ...(description ? { description } : {}),
        ...(value ? { current: { ...value, createdDate: nowSeconds() } } : {}),
      };
      secrets.set(name, secret);
      return {
        ARN: secret.arn,
        Name: name,
        ...(secret.current ? { VersionId: secret.current.versionId } : {}),
      };
    },
    PutSecretValue(body) {
      const secret = find(text(body, 'SecretId') as string);
      if (!secret) throw notFound();
      const value = versionOf(body, true) as Omit<StoredVersion, 'createdDate'>;
      secret.current = { ...value, createdDate: nowSeconds() };
      return {
        ARN: secret.arn,
        Name: secret.name,
        VersionId: value.versionId,
        VersionStages: [CURRENT],
      };
    },
    GetSecretValue(body) {
      const secret = find(text(body, 'SecretId') as string);
      if (!secret) throw notFound();
      const stage = text(body, 'VersionStage', false) ?? CURRENT;
      const versionId = text(body, 'VersionId', false);
      const current = secret.current;
      // Only the current version is kept: it is all acm-report reads.
      if (!current || stage !== CURRENT || (versionId && versionId !== current.versionId)) {
        throw new ServiceError(
          'ResourceNotFoundException',
          versionId
            ? `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`
            : `Secrets Manager can't find the specified secret value for staging label: ${stage}`,
        );
      }
      return {
        ARN: secret.arn,
        Name: secret.name,
        VersionId: current.versionId,
        ...(current.secretString !== undefined ? { SecretString: current.secretString } : {}),
        ...(current.secretBinary !== undefined ? { SecretBinary: current.secretBinary } : {}),
        VersionStages: [CURRENT],
        CreatedDate: current.createdDate,
      };
    },
  };

  const answer = (response: ServerResponse, status: number, body: Body) => {
    response.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': randomUUID(),
    });
    response.end(JSON.stringify(body));
  };

  const serve = (request: IncomingMessage, body: string, response: ServerResponse) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const [prefix, operationName = ''] = target.split('.');
    const operation = prefix === 'secretsmanager' ? operations[operationName] : undefined;
    try {
      if (request.method !== 'POST' || !operation) {
        throw new ServiceError(
          'UnknownOperationException',
          `This stand-in serves CreateSecret, PutSecretValue and GetSecretValue, not ${target || request.method}.`,
        );
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body || '{}');
      } catch {
        throw new ServiceError('SerializationException', 'The request body is not JSON.');
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new ServiceError('SerializationException', 'The request body is not a JSON object.');
      }
      answer(response, 200, operation(parsed as Body));
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      answer(response, 400, { __type: error.type, message: error.message });
    }
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => serve(request, Buffer.concat(chunks).toString('utf8'), response));
  });
  const listening = await listenOnLoopback(server);
  return {
    endpoint: listening.url,
    arnOf: (secretId) => find(secretId)?.arn,
    close: listening.close,
  };
}
