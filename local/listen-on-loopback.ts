/** Every local server listens on 127.0.0.1 only, on a port the OS picks. */

import type { Server } from 'node:http';

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

/** Applies the idle-connection timeouts above to a server (headers must outlast keep-alive). */
export function keepConnectionsLonger(server: Server): void {
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  server.headersTimeout = IDLE_CONNECTION_MS + 1_000;
}

export async function listenOnLoopback(server: Server): Promise<LoopbackServer> {
  keepConnectionsLonger(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string')
    throw new Error(`unexpected address ${String(address)}`);
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
