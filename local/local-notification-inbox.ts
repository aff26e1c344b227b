/**
 * Where the approvals notifier delivers locally: the stack's chat-webhook
 * option pointed at this server, which keeps every notice so the demo's
 * people can act on what they were told (as they would on a Teams or LINE
 * message in a deployment).
 */

import { createServer } from 'node:http';
import type { Notice } from '../shared/workflow/approval-notice.js';
import { listenOnLoopback } from './listen-on-loopback.js';
import type { LocalIdentity } from './local-identities.js';

export interface NotificationInbox {
  url: string;
  notices: Notice[];
  /** Notices for this person (holding every group the notice names), not yet taken; only `kinds` when given. */
  take(identity: LocalIdentity, kinds?: readonly Notice['kind'][]): Notice[];
  close(): Promise<void>;
}

export async function startNotificationInbox(
  onNotice?: (notice: Notice) => void,
): Promise<NotificationInbox> {
  const notices: Notice[] = [];
  const taken = new Set<Notice>();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      const { notice } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { notice: Notice };
      notices.push(notice);
      onNotice?.(notice);
      response.writeHead(204).end();
    } catch {
      response.writeHead(400).end();
    }
  });
  const { url, close } = await listenOnLoopback(server);
  return {
    url: `${url}/notify`,
    notices,
    take(identity, kinds) {
      const mine = notices.filter(
        (n) =>
          !taken.has(n) &&
          (!kinds || kinds.includes(n.kind)) &&
          n.groups.every((g) => identity.groups.includes(g)),
      );
      for (const n of mine) taken.add(n);
      return mine;
    },
    close,
  };
}
