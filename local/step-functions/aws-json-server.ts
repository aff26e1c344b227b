/**
 * A minimal AWS JSON 1.0 server on 127.0.0.1: `X-Amz-Target: <prefix>.<Action>`
 * selects the action, the body is its JSON request, the answer its JSON
 * response. Errors go out as AWS does (HTTP 400, `__type` in the body and the
 * `x-amzn-ErrorType` header), so the SDK raises exceptions by those names.
 * Signatures are not checked: everything here is local.
 */

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adoptLoopbackServer } from '../listen-on-loopback.js';
import { SfnApiError } from './sfn-api-error.js';

export type JsonAction = (request: Record<string, unknown>) => unknown;

export interface JsonServer {
  endpoint: string;
  close(): Promise<void>;
}

const CONTENT_TYPE = 'application/x-amz-json-1.0';

export async function startAwsJsonServer(
  targetPrefix: string,
  actions: Record<string, JsonAction>,
): Promise<JsonServer> {
  const server = createServer((request, response) => {
    handle(request, targetPrefix, actions).then(
      (body) => send(response, 200, body),
      (error: unknown) => sendError(response, error),
    );
  });
  adoptLoopbackServer(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this, close waits for them to idle out.
        server.closeAllConnections();
      }),
  };
}

async function handle(
  request: IncomingMessage,
  targetPrefix: string,
  actions: Record<string, JsonAction>,
): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const target = String(request.headers['x-amz-target'] ?? '');
  const action = target.startsWith(`${targetPrefix}.`)
    ? actions[target.slice(targetPrefix.length + 1)]
    : undefined;
  if (request.method !== 'POST' || !action)
    throw new SfnApiError('UnknownOperationException', `Unknown operation '${target}'`);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new SfnApiError('SerializationException', 'The request body is not valid JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new SfnApiError('SerializationException', 'The request body must be a JSON object');
  return action(body as Record<string, unknown>);
}

function send(response: ServerResponse, status: number, body: unknown, type?: string): void {
  const text = JSON.stringify(body ?? {});
  response.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...(type ? { 'x-amzn-errortype': type } : {}),
  });
  response.end(text);
}

function sendError(response: ServerResponse, error: unknown): void {
  if (error instanceof SfnApiError) {
    send(response, error.statusCode, { __type: error.type, message: error.message }, error.type);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  send(response, 500, { __type: 'InternalFailure', message }, 'InternalFailure');
}
