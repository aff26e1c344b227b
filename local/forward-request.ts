/**
 * Passing a request a local proxy has read (the IAM fronts, the fault
 * proxies) on to the server behind it. When that server is one of this
 * process's own (listen-on-loopback.ts), the request is handed to it here:
 * its request handler gets the same method, URL, headers and body, and
 * answers on the proxy's own response, byte for byte what it would have sent
 * over a second connection. That second connection was the costliest part of
 * a proxied call: a client request, an HTTP parse on each side and a piped
 * response, about 0.7 ms of CPU on every SDK call a local function makes.
 * A server elsewhere still gets a real HTTP request.
 */

import {
  request as httpRequest,
  IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { inProcessServerAt } from './listen-on-loopback.js';

/** The request as the server behind would have read it off its own connection. */
function replayed(incoming: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(incoming.socket);
  replay.method = incoming.method ?? 'GET';
  replay.url = incoming.url ?? '/';
  replay.headers = incoming.headers;
  replay.rawHeaders = incoming.rawHeaders;
  replay.httpVersion = incoming.httpVersion;
  replay.httpVersionMajor = incoming.httpVersionMajor;
  replay.httpVersionMinor = incoming.httpVersionMinor;
  if (body.length > 0) replay.push(body);
  replay.push(null);
  // The whole message has arrived: a handler that reads `complete` on close must not see an abort.
  replay.complete = true;
  return replay;
}

function handOver(
  server: Server,
  incoming: IncomingMessage,
  body: Buffer,
  outgoing: ServerResponse,
) {
  server.emit('request', replayed(incoming, body), outgoing);
}

export function forwardRequest(
  incoming: IncomingMessage,
  body: Buffer,
  outgoing: ServerResponse,
  target: string,
): void {
  const upstream = new URL(target);
  const local = inProcessServerAt(upstream);
  if (local) {
    handOver(local, incoming, body, outgoing);
    return;
  }
  const forwarded = httpRequest(
    {
      hostname: upstream.hostname,
      port: upstream.port,
      method: incoming.method,
      path: incoming.url,
      headers: incoming.headers,
    },
    (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    },
  );
  forwarded.on('error', (error) => {
    if (!outgoing.headersSent) outgoing.writeHead(502);
    outgoing.end(String(error));
  });
  forwarded.end(body);
}
