/**
 * Moves what a dead-letter queue holds back to the queue it came from, so
 * the consumer (fixed, or the outage over) gets another go. Each message is
 * sent to the source before it is deleted from the DLQ: a crash in between
 * leaves a copy in both, never in neither, and every consumer here is
 * idempotent, so the copy changes nothing.
 *
 * In AWS, `aws sqs start-message-move-task --source-arn <dlq-arn>` does the
 * same server-side; this works on any SQS endpoint, the embedded one too,
 * and reports what it moved.
 */

import {
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

export interface RedriveOptions {
  /** Called after each batch with the running total. */
  onProgress?: (moved: number) => void;
  /** Empty receives in a row that mean "drained" (default 2: SQS receives are sampled). */
  quietReceives?: number;
}

/** The dead-letter queue's name for a queue (the stack names it `<queue>-dlq`). */
export const deadLetterQueueName = (queueName: string) => `${queueName}-dlq`;

export async function queueUrlOf(sqs: SQSClient, queueName: string): Promise<string> {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: queueName }));
  if (!QueueUrl) throw new Error(`no queue named ${queueName}`);
  return QueueUrl;
}

/**
 * A received message's attributes as SendMessage takes them: the type and
 * the value only (the list fields SQS returns are reserved and refused).
 */
function attributesOf(message: Message): {
  MessageAttributes?: Record<string, MessageAttributeValue>;
} {
  const received = Object.entries(message.MessageAttributes ?? {});
  if (received.length === 0) return {};
  return {
    MessageAttributes: Object.fromEntries(
      received.map(([name, value]) => [
        name,
        {
          DataType: value.DataType,
          ...(value.StringValue !== undefined ? { StringValue: value.StringValue } : {}),
          ...(value.BinaryValue !== undefined ? { BinaryValue: value.BinaryValue } : {}),
        },
      ]),
    ),
  };
}

export async function redriveDeadLetters(
  sqs: SQSClient,
  queues: { deadLetterQueueUrl: string; sourceQueueUrl: string },
  options: RedriveOptions = {},
): Promise<number> {
  const quietNeeded = options.quietReceives ?? 2;
  let moved = 0;
  let quiet = 0;
  while (quiet < quietNeeded) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queues.deadLetterQueueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        // Long enough to send and delete a batch; a crash returns them to the DLQ.
        VisibilityTimeout: 30,
        // A message goes back as it came: its attributes are part of it.
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) {
      quiet += 1;
      continue;
    }
    quiet = 0;
    const sent = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queues.sourceQueueUrl,
        Entries: Messages.map((message, i) => ({
          Id: String(i),
          MessageBody: message.Body ?? '',
          ...attributesOf(message),
        })),
      }),
    );
    // Only what reached the source queue leaves the DLQ.
    const delivered = new Set((sent.Successful ?? []).map((entry) => entry.Id));
    const entries = Messages.flatMap((message, i) =>
      delivered.has(String(i)) ? [{ Id: String(i), ReceiptHandle: message.ReceiptHandle }] : [],
    );
    if (entries.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({ QueueUrl: queues.deadLetterQueueUrl, Entries: entries }),
      );
    }
    moved += entries.length;
    options.onProgress?.(moved);
  }
  return moved;
}
