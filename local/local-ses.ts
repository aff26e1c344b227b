/**
 * Amazon SES (API v2) on 127.0.0.1: aws-ses-v2-local keeps every mail sent
 * and lists them on its web page (and as JSON at /store), which is where a
 * person's notices and invitations can be read during `npm start`.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adoptLoopbackServer } from './listen-on-loopback.js';

export interface LocalMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
}

export interface LocalSes {
  /** The endpoint for the SDK, and the web page listing every mail. */
  endpoint: string;
  /** Every mail sent so far, oldest first. */
  mails(): Promise<LocalMail[]>;
  close(): Promise<void>;
}

export async function startLocalSes(): Promise<LocalSes> {
  const module = (await import('aws-ses-v2-local')) as unknown as {
    default: ((config: { host: string; port: number }) => Promise<Server>) & {
      default?: (config: { host: string; port: number }) => Promise<Server>;
    };
  };
  // CommonJS default export, seen through ESM interop as default or default.default.
  const start = module.default.default ?? module.default;
  const server = await start({ host: '127.0.0.1', port: 0 });
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  adoptLoopbackServer(server);
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    async mails() {
      const response = await fetch(`${endpoint}/store`);
      return ((await response.json()) as { emails: LocalMail[] }).emails;
    },
    async close() {
      await fetch(`${endpoint}/clear-store`, { method: 'POST' });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
