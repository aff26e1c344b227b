/**
 * A local proxy (an IAM front, a fault proxy) hands a request to a server of
 * this process without opening a connection to it, and the server reads and
 * answers it exactly as it would over HTTP; a server it does not know still
 * gets a real HTTP request.
 */

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { forwardRequest } from '../../local/forward-request.js';
import { listenOnLoopback } from '../../local/listen-on-loopback.js';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

function recordingServer(seen: Seen[]): Server {
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(201, { 'x-amzn-requestid': 'r-1', 'content-type': 'text/plain' });
      response.end(`got ${chunks.length ? 'a body' : 'no body'}`);
    });
  });
}

function proxyTo(target: () => string): Server {
  return createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => forwardRequest(incoming, Buffer.concat(chunks), outgoing, target()));
  });
}

const connections = (server: Server) =>
  new Promise<number>((resolve, reject) =>
    server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

async function send(url: string) {
  const response = await fetch(`${url}/queue/one?Action=Send`, {
    method: 'POST',
    headers: { 'x-amz-target': 'DynamoDB_20120810.GetItem', 'content-type': 'application/json' },
    body: '{"TableName":"acm"}',
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-amzn-requestid'),
    text: await response.text(),
  };
}

describe('forwarding a request a proxy has read', () => {
  it('hands it to a server of this process with no connection to it, unchanged either way', async () => {
    const seen: Seen[] = [];
    const target = recordingServer(seen);
    const local = await listenOnLoopback(target);
    closers.push(local.close);
    const proxy = await listenOnLoopback(proxyTo(() => local.url));
    closers.push(proxy.close);

    const answer = await send(proxy.url);
    expect(answer).toEqual({ status: 201, requestId: 'r-1', text: 'got a body' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/queue/one?Action=Send',
      body: '{"TableName":"acm"}',
    });
    expect(seen[0]?.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    // The proxy's own host, as the signer saw it: nothing is rewritten on the way.
    expect(seen[0]?.headers.host).toBe(new URL(proxy.url).host);
    expect(await connections(target)).toBe(0);
  });

  it('sends a real HTTP request to a server this process does not hold', async () => {
    const seen: Seen[] = [];
    const elsewhere = recordingServer(seen);
    // Listening, but not through listenOnLoopback: as a server in another process would be.
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          elsewhere.close(() => resolve());
          elsewhere.closeAllConnections();
        }),
    );
    const proxy = await listenOnLoopback(proxyTo(() => url));
    closers.push(proxy.close);

    const answer = await send(proxy.url);
    expect(answer).toEqual({ status: 201, requestId: 'r-1', text: 'got a body' });
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"TableName":"acm"}' });
    expect(await connections(elsewhere)).toBeGreaterThan(0);
  });
});
