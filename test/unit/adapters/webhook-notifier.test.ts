/**
 * The chat webhook channel: posts a notice to the URL its secret holds, is
 * off while the secret is empty, and fails (so the notice is retried) when
 * the webhook answers an error. The webhook is a real HTTP server on
 * 127.0.0.1; the secret is a plain in-memory OptionalSecret.
 */

import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, listenOnLoopback } from '../../../local/listen-on-loopback.js';
import {
  WebhookDeliveryError,
  WebhookNotifier,
} from '../../../shared/adapters/webhook-notifier.js';
import type { Notice } from '../../../shared/workflow/approval-notice.js';
import type { OptionalSecret } from '../../../shared/workflow/ports.js';

const notice = {
  kind: 'approval-escalated',
  agencyId: 'opdc',
  roundId: '2566-h1',
  groups: ['opdc:coordinator'],
  sentAt: '2023-04-20T02:00:00.000Z',
} as Notice;

const secretHolding = (value: string | undefined) =>
  ({ value: async () => value }) satisfies OptionalSecret;

let server: LoopbackServer;
const received: { path: string; body: { text: string; notice: Notice } }[] = [];

beforeAll(async () => {
  server = await listenOnLoopback(
    createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      if (request.url === '/broken') {
        response.writeHead(500).end();
        return;
      }
      received.push({
        path: String(request.url),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      response.writeHead(204).end();
    }),
  );
});

afterAll(async () => {
  await server?.close();
});

describe('Class: WebhookNotifier', () => {
  it('posts the notice, its subject and text, to the URL its secret holds', async () => {
    // Act
    const posted = await new WebhookNotifier(secretHolding(`${server.url}/hook`)).deliver(notice);
    // Assess
    expect(posted).toBe(true);
    expect(received.at(-1)?.path).toBe('/hook');
    expect(received.at(-1)?.body.notice).toEqual(notice);
    expect(received.at(-1)?.body.text.length).toBeGreaterThan(0);
  });

  it('posts nothing while the secret holds no URL', async () => {
    // Prepare
    const before = received.length;
    // Act
    const posted = await new WebhookNotifier(secretHolding(undefined)).deliver(notice);
    // Assess
    expect(posted).toBe(false);
    expect(received).toHaveLength(before);
  });

  it('fails with WebhookDeliveryError when the webhook answers an error', async () => {
    // Act
    const failed = await new WebhookNotifier(secretHolding(`${server.url}/broken`))
      .deliver(notice)
      .catch((error: unknown) => error);
    // Assess
    expect(failed).toBeInstanceOf(WebhookDeliveryError);
    expect(failed).toMatchObject({ status: 500 });
  });
});
