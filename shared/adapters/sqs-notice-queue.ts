/** The approvals queue: notices for people, consumed by the notifier. */

import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Notice } from '../workflow/approval-notice.js';

export class SqsNoticeQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(notice: Notice): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify(notice),
        MessageAttributes: { kind: { DataType: 'String', StringValue: notice.kind } },
      }),
    );
  }
}
