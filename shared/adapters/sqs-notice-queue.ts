/**
 * The approvals queue: notices for people, consumed by the notifier. Many
 * notices go out ten to a SendMessageBatch call (the service's limit), and
 * the entries a batch reports as failed are sent again a bounded number of
 * times with backoff; what still fails is handed back to the caller, never
 * dropped in silence.
 */

import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Notice } from '../workflow/approval-notice.js';
import type { NoticeQueue } from '../workflow/ports.js';
import { type BatchRetry, DEFAULT_BATCH_RETRY } from './dynamodb-batch.js';

/** SendMessageBatch takes at most 10 entries per call. */
export const SEND_BATCH_LIMIT = 10;

export class SqsNoticeQueue implements NoticeQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
    private readonly retry: BatchRetry = DEFAULT_BATCH_RETRY,
  ) {}

  async send(notice: Notice): Promise<void> {
    await this.client.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, ...messageOf(notice) }),
    );
  }

  async sendBatch(notices: readonly Notice[]): Promise<Notice[]> {
    const unsent: Notice[] = [];
    for (let start = 0; start < notices.length; start += SEND_BATCH_LIMIT) {
      unsent.push(...(await this.sendPage(notices.slice(start, start + SEND_BATCH_LIMIT))));
    }
    return unsent;
  }

  /** One page of at most ten; answers the notices still unsent after the bounded retries. */
  private async sendPage(page: readonly Notice[]): Promise<Notice[]> {
    const unsent: Notice[] = [];
    // Entry ids are indexes into this page, so a failure names its notice.
    let pending = page.map((notice, index) => ({ notice, id: String(index) }));
    for (let attempt = 1; attempt <= this.retry.attempts && pending.length > 0; attempt += 1) {
      if (attempt > 1) await this.retry.sleep(this.retry.firstDelayMs * 2 ** (attempt - 2));
      const out = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: pending.map(({ notice, id }) => ({ Id: id, ...messageOf(notice) })),
        }),
      );
      const failed = new Map((out.Failed ?? []).map((f) => [String(f.Id), f]));
      // A sender fault (a malformed entry) fails the same way every time: not retried.
      for (const entry of pending) {
        if (failed.get(entry.id)?.SenderFault) unsent.push(entry.notice);
      }
      pending = pending.filter(({ id }) => failed.has(id) && !failed.get(id)?.SenderFault);
    }
    return [...unsent, ...pending.map(({ notice }) => notice)];
  }
}

function messageOf(notice: Notice) {
  return {
    MessageBody: JSON.stringify(notice),
    MessageAttributes: { kind: { DataType: 'String', StringValue: notice.kind } },
  };
}
