/** Every local server listens on 127.0.0.1 only, on a port the OS picks. */

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface LoopbackServer {
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

/**
 * How long an idle kept-alive connection stays open. Node's default (5 s) is
 * barely above fetch's own idle timeout (4 s); on a busy event loop the
 * client's timer fires late and it reuses a socket the server has just
 * closed: ECONNRESET. A server that waits far longer than any client makes
 * the client always the one to close.
 */
export const IDLE_CONNECTION_MS = 65_000;

/** The local servers of this process, by port (see `inProcessServerAt`). */
const serversByPort = new Map<number, Server>();

function portOf(server: Server): number | undefined {
  const address = server.address();
  return address && typeof address !== 'string' ? address.port : undefined;
}

/** Servers whose close() already closes each connection once answered. */
const closingPromptly = new WeakSet<Server>();

/**
 * Node's `close()` waits for every connection to end, but closes only those
 * idle when it is called, and two kinds of connection are not idle to it:
 * - one still answering a request, which then stays open, kept alive, for
 *   IDLE_CONNECTION_MS after its response (a stall of 40–60 s in one stack
 *   file of every full suite run, until this closed it once answered);
 * - one that has not sent a byte yet: its headers timer runs from the
 *   connect, so close() waits out `headersTimeout` (66 s) for a first request
 *   that never comes. Closing a stack still sat idle for about 60 s on one
 *   (measured: 0 bytes read, 0 written, no request, held by no ref'd handle
 *   of this process, as an idle pooled client socket is not).
 * Once a server is closing, each connection is closed as soon as its
 * response is done, and one that never sent a request at once; no request
 * is cut short.
 */
function closeConnectionsOnceAnswered(server: Server): void {
  if (closingPromptly.has(server)) return;
  closingPromptly.add(server);
  let closing = false;
  const connections = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    // After 'finish' the socket is detached from the response: idle on the next turn.
    response.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  const close = server.close.bind(server);
  server.close = ((callback?: (error?: Error) => void) => {
    closing = true;
    close(callback);
    server.closeIdleConnections();
    for (const socket of connections) if (socket.bytesRead === 0) socket.destroy();
    return server;
  }) as Server['close'];
}

/**
 * Makes a local server one of this process's own: the idle-connection
 * timeouts above (headers must outlast keep-alive), a close that does not
 * wait on kept-alive connections, and known by its port, so a proxy in this
 * process can hand it a request without a second connection
 * (forward-request.ts).
 */
export function adoptLoopbackServer(server: Server): void {
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  server.headersTimeout = IDLE_CONNECTION_MS + 1_000;
  closeConnectionsOnceAnswered(server);
  const register = () => {
    const port = portOf(server);
    if (port === undefined) return;
    serversByPort.set(port, server);
    server.once('close', () => {
      if (serversByPort.get(port) === server) serversByPort.delete(port);
    });
  };
  if (server.listening) register();
  else server.once('listening', register);
}

/** The server of this process listening at `url` on the loopback address, if any. */
export function inProcessServerAt(url: URL): Server | undefined {
  if (url.protocol !== 'http:' || (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')) {
    return undefined;
  }
  const server = serversByPort.get(Number(url.port));
  return server?.listening ? server : undefined;
}

export async function listenOnLoopback(server: Server): Promise<LoopbackServer> {
  adoptLoopbackServer(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = portOf(server);
  if (port === undefined) throw new Error(`unexpected address ${String(server.address())}`);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
