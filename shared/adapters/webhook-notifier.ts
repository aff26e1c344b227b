/**
 * Delivers a notice to a chat webhook (Microsoft Teams, Google Chat, Slack
 * and the like all accept a JSON `text`). Agencies without one rely on the
 * inbox; see the README for wiring e-mail through SES.
 */

import type { Notice } from '../workflow/approval-notice.js';
import { renderNotice } from '../workflow/approval-notice.js';

export class WebhookNotifier {
  constructor(
    private readonly url: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async deliver(notice: Notice): Promise<void> {
    const { subject, text } = renderNotice(notice);
    const response = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: `${subject}\n${text}`, notice }),
      // A hung webhook must not hold the batch past the function timeout.
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
