/**
 * Consumes the approvals queue: each notice goes to the agency's chat
 * webhook when NOTIFY_WEBHOOK_URL is set, and is always logged as a
 * structured "notice" line (a CloudWatch subscription or metric filter can
 * forward it). The inbox API is the record; this is the nudge.
 */

import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { WebhookNotifier } from '../../shared/adapters/webhook-notifier.js';
import { NoticeSchema, renderNotice } from '../../shared/workflow/approval-notice.js';
import { readEnvironment } from '../common/environment.js';
import { lazy } from '../common/lazy.js';
import { createObservability, observed } from '../common/observability.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const { logger, metrics } = observability;
const processor = new BatchProcessor(EventType.SQS);
const webhook = lazy(() => {
  const url = env.NOTIFY_WEBHOOK_URL;
  return url ? new WebhookNotifier(url) : undefined;
});

async function notify(record: SQSRecord): Promise<void> {
  const notice = NoticeSchema.parse(JSON.parse(record.body));
  const { subject } = renderNotice(notice);
  logger.info('notice', { notice, subject });
  // A failed delivery throws: the message returns to the queue alone and, after retries, to its DLQ.
  await webhook()?.deliver(notice);
  metrics.addMetric('NoticesDelivered', 'Count', 1);
}

export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(observed<SQSEvent>(observability, (event) => event.Records[0]?.messageId))
  .handler(async (event, context) =>
    processPartialResponse(event, notify, processor, { context, throwOnFullBatchFailure: false }),
  );
