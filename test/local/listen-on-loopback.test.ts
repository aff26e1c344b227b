/**
 * Closing a local server while a connection is still busy to Node: one still
 * answering (Node's own close() would then wait for its idle timeout,
 * IDLE_CONNECTION_MS, 65 s), or one that has not sent a request yet (Node
 * waits out its headers timeout, 66 s). Stack files of full suite runs sat
 * idle that long on each.
 */

import { Agent, createServer, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../local/listen-on-loopback.js';

describe('listenOnLoopback: close', () => {
  it('lets a request in flight finish, then closes its kept-alive connection at once', async () => {
    let answer: (() => void) | undefined;
    const server = createServer((_request, response) => {
      answer = () => response.end('done');
    });
    const listening = await listenOnLoopback(server);
    const agent = new Agent({ keepAlive: true });
    let socket: Socket | undefined;
    const socketClosed = new Promise<void>((resolve) => {
      agent.once('free', (free: Socket) => {
        socket = free;
        free.once('close', () => resolve());
      });
    });
    const body = new Promise<{ text: string; connection: string | undefined }>(
      (resolve, reject) => {
        const outgoing = request(`${listening.url}/`, { agent }, (incoming) => {
          let text = '';
          incoming.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
          });
          incoming.on('end', () => resolve({ text, connection: incoming.headers.connection }));
        });
        outgoing.on('error', reject);
        outgoing.end();
      },
    );
    await expect.poll(() => answer !== undefined).toBe(true);

    // Closed while the request is being answered: nothing is cut short.
    const closed = listening.close();
    answer?.();
    const received = await body;
    expect(received.text).toBe('done');
    expect(received.connection).toBe('keep-alive');
    // The client kept the connection for reuse; the server ends it, and close() returns.
    await socketClosed;
    await closed;
    expect(socket?.destroyed).toBe(true);
    expect(server.listening).toBe(false);
    agent.destroy();
  });

  it('ends a connection that never sent a request, and returns', async () => {
    const server = createServer((_request, response) => response.end('unused'));
    const listening = await listenOnLoopback(server);
    const port = Number(new URL(listening.url).port);
    const client = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    const ended = new Promise<'ended by the server'>((resolve) =>
      client.once('close', () => resolve('ended by the server')),
    );
    // The server must have accepted the connection before it closes.
    await expect
      .poll(() => new Promise((resolve) => server.getConnections((_, n) => resolve(n))))
      .toBe(1);

    const closed = listening.close().then(() => 'closed' as const);
    // Node alone would hold close() for its 66 s headers timeout; 10 s is far from both.
    let timer: NodeJS.Timeout | undefined;
    const waitedOut = new Promise<'still waiting'>((resolve) => {
      timer = setTimeout(() => resolve('still waiting'), 10_000);
    });
    expect(await Promise.race([closed, waitedOut])).toBe('closed');
    expect(await ended).toBe('ended by the server');
    expect(client.bytesWritten).toBe(0);
    clearTimeout(timer);
  });
});
