/**
 * Lambda's SQS event source mappings, locally: long-poll each mapped queue,
 * hand batches to the function as an SQS event, delete what succeeded and
 * leave the reported batch item failures (and whole failed batches) for
 * SQS to redeliver and, after maxReceiveCount, dead-letter.
 */

import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { LOCAL_CREDENTIALS } from './embedded-services.js';
import type { LocalFunctions } from './local-functions.js';
import type { LocalQueue, LocalResources } from './local-resources.js';
import { type CfnTemplate, resourcesOfType } from './local-template.js';

/** How long a poller waits after a receive SQS refused before it asks again. */
const RECEIVE_RETRY_MS = 500;

export interface EventSourceOptions {
  endpoint: string;
  region: string;
  /**
   * Seconds before a failed message is seen again. AWS waits the queue's
   * visibility timeout (minutes); locally a retry should not keep a demo
   * waiting. Redrive to the DLQ still counts receives as SQS does.
   */
  retryAfterSeconds?: number;
  onError?: (error: unknown, functionName: string) => void;
}

export interface EventSources {
  /** Number of batches being handled right now. */
  inFlight(): number;
  stop(): Promise<void>;
}

function toRecord(message: Message, queue: LocalQueue, region: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp:
        attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody:
      message.MD5OfBody ??
      createHash('md5')
        .update(message.Body ?? '')
        .digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: region,
  };
}

export function startEventSources(
  template: CfnTemplate,
  resources: LocalResources,
  functions: LocalFunctions,
  options: EventSourceOptions,
): EventSources {
  const sqs = new SQSClient({
    region: options.region,
    credentials: LOCAL_CREDENTIALS,
    endpoint: options.endpoint,
    useQueueUrlAsEndpoint: false,
  });
  let running = true;
  let busy = 0;
  // Ends the long polls at once on stop(), rather than after their wait.
  const stopping = new AbortController();
  const loops: Promise<void>[] = [];

  for (const [, mapping] of resourcesOfType(template, 'AWS::Lambda::EventSourceMapping')) {
    const p = mapping.Properties ?? {};
    const sourceArn = p.EventSourceArn as { 'Fn::GetAtt'?: [string, string] };
    const queueId = sourceArn['Fn::GetAtt']?.[0] ?? '';
    const queue = resources.queues.get(queueId);
    const functionRef = (p.FunctionName as { Ref?: string }).Ref ?? '';
    const fn = functions.byLogicalId(functionRef);
    if (!queue) throw new Error(`event source mapping names an unknown queue ${queueId}`);
    const batchSize = Number(p.BatchSize ?? 10);
    const reportsFailures = (p.FunctionResponseTypes as string[] | undefined)?.includes(
      'ReportBatchItemFailures',
    );

    const loop = async () => {
      while (running) {
        let messages: Message[] = [];
        try {
          const received = await sqs.send(
            new ReceiveMessageCommand({
              QueueUrl: queue.url,
              MaxNumberOfMessages: batchSize,
              // The longest wait SQS allows, as Lambda's own pollers use: a
              // message still ends it at once, and an idle stack asks twice a
              // minute per queue instead of every second (a stack at rest used
              // 3 % of a core, most of it asking).
              WaitTimeSeconds: 20,
              MessageSystemAttributeNames: ['All'],
            }),
            { abortSignal: stopping.signal },
          );
          messages = received.Messages ?? [];
        } catch (error) {
          if (!running) continue;
          options.onError?.(error, fn.name);
          // A queue that refuses every receive would otherwise be asked in a tight loop.
          await sleep(RECEIVE_RETRY_MS, undefined, { signal: stopping.signal }).catch(() => {});
          continue;
        }
        if (messages.length === 0) continue;
        busy++;
        try {
          const event: SQSEvent = {
            Records: messages.map((m) => toRecord(m, queue, options.region)),
          };
          let failed = new Set<string>();
          try {
            const result = (await functions.invoke(fn.arn, event)) as
              | { batchItemFailures?: Array<{ itemIdentifier: string }> }
              | undefined;
            if (reportsFailures)
              failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
          } catch (error) {
            // A thrown error fails the whole batch, as Lambda treats it.
            options.onError?.(error, fn.name);
            failed = new Set(messages.map((m) => m.MessageId ?? ''));
          }
          const done = messages.filter((m) => !failed.has(m.MessageId ?? ''));
          const retry = messages.filter((m) => failed.has(m.MessageId ?? ''));
          // A delete or a visibility change SQS refuses must not end this queue's
          // polling: the messages come back after their visibility timeout and are
          // handled again (every consumer is idempotent), as in AWS.
          try {
            if (done.length) {
              const deleted = await sqs.send(
                new DeleteMessageBatchCommand({
                  QueueUrl: queue.url,
                  Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
                }),
              );
              if (deleted.Failed?.length) {
                options.onError?.(
                  new Error(
                    `${deleted.Failed.length} handled message(s) of ${queue.name} were not deleted and will be delivered again`,
                  ),
                  fn.name,
                );
              }
            }
            if (retry.length && options.retryAfterSeconds !== undefined) {
              await sqs.send(
                new ChangeMessageVisibilityBatchCommand({
                  QueueUrl: queue.url,
                  Entries: retry.map((m, i) => ({
                    Id: String(i),
                    ReceiptHandle: m.ReceiptHandle,
                    VisibilityTimeout: options.retryAfterSeconds,
                  })),
                }),
              );
            }
          } catch (error) {
            if (running) options.onError?.(error, fn.name);
          }
        } finally {
          busy--;
        }
      }
    };
    loops.push(loop());
  }

  return {
    inFlight: () => busy,
    async stop() {
      running = false;
      stopping.abort();
      await Promise.all(loops);
    },
  };
}
