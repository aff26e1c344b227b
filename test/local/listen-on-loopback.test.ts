/**
 * Closing a local server while one of its kept-alive connections is still
 * answering: Node's own close() would then wait for that connection's idle
 * timeout (IDLE_CONNECTION_MS, 65 s): one stack file of every full suite run
 * sat idle that long.
 */

import { Agent, createServer, request } from 'node:http';
import type { Socket } from 'node:net';
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
});
