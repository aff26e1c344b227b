/**
 * Delivers a notice to a chat webhook (Microsoft Teams, Google Chat, Slack
 * and the like all accept a JSON `text`). The URL is a secret (whoever holds
 * it can post into the agency's channel), read from its store at first use;
 * without one the channel is off and the mail is the only one.
 */

import type { Notice } from '../workflow/approval-notice.js';
import { renderNotice } from '../workflow/approval-notice.js';
import type { OptionalSecret } from '../workflow/ports.js';

/** The webhook answered with an error status: the notice goes back to its queue. */
export class WebhookDeliveryError extends Error {
  override readonly name = 'WebhookDeliveryError';
  constructor(readonly status: number) {
    super(`webhook answered ${status}`);
  }
}

export class WebhookNotifier {
  constructor(
    private readonly url: OptionalSecret,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** True when the notice was posted, false when no webhook is configured. */
  async deliver(notice: Notice): Promise<boolean> {
    const url = await this.url.value();
    if (!url) return false;
    const { subject, text } = renderNotice(notice);
    const response = await this.fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: `${subject}\n${text}`, notice }),
      // A hung webhook must not hold the batch past the function timeout.
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new WebhookDeliveryError(response.status);
    return true;
  }
}
