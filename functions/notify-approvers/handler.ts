/**
 * Consumes the approvals queue: each notice is e-mailed (SES) to every
 * person who holds its groups now, once per notice × person; reminders go
 * to the daily digest instead. The chat webhook, when its secret holds a
 * URL, is an extra channel. A failure returns the one notice to the queue
 * (partial batch response) and, after its retries, to the DLQ; mails already
 * sent are not sent again (the mail ledger).
 */

import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { secretsProvider } from '../../shared/adapters/secrets-manager-client.js';
import {
  SecretReadError,
  SecretsManagerSecret,
} from '../../shared/adapters/secrets-manager-secret.js';
import { WebhookNotifier } from '../../shared/adapters/webhook-notifier.js';
import { deliverNotice } from '../../shared/people/deliver-notice.js';
import { NoticeSchema, renderNotice } from '../../shared/workflow/approval-notice.js';
import { readEnvironment } from '../common/environment.js';
import { lazy } from '../common/lazy.js';
import { mailPorts, peopleDirectory } from '../common/mail-ports.js';
import { createObservability, observed } from '../common/observability.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const { logger, metrics } = observability;
const processor = new BatchProcessor(EventType.SQS);
const ports = lazy(() => mailPorts(env));
const webhook = lazy(
  () =>
    new WebhookNotifier(new SecretsManagerSecret(secretsProvider(), env.NOTIFY_WEBHOOK_SECRET_ARN)),
);

export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(observed<SQSEvent>(observability, (event) => event.Records[0]?.messageId))
  .handler(async (event, context) => {
    const directory = peopleDirectory(env.USER_POOL_ID);
    const notify = async (record: SQSRecord) => {
      const notice = NoticeSchema.parse(JSON.parse(record.body));
      const delivered = await deliverNotice({ ...ports(), directory }, notice);
      logger.info('notice', {
        kind: notice.kind,
        subject: renderNotice(notice).subject,
        delivered,
      });
      metrics.addMetric('NoticeMailsSent', 'Count', delivered.mailed);
      metrics.addMetric('NoticeRemindersDigested', 'Count', delivered.digested);
      await webhook()
        .deliver(notice)
        .catch((error: unknown) => {
          // A refused read is a deployment fault (a missing grant), not "no webhook": said, then failed.
          if (error instanceof SecretReadError)
            logger.error('webhook secret unreadable', { error });
          throw error;
        });
      metrics.addMetric('NoticesDelivered', 'Count', 1);
    };
    return processPartialResponse(event, notify, processor, {
      context,
      throwOnFullBatchFailure: false,
    });
  });
