/**
 * `acm-report redrive` as a real process against the embedded SQS: what the
 * dead-letter queue holds goes back to its queue, once, bodies intact.
 */

import {
  CreateQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmbeddedServices,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startEmbeddedServices,
} from '../../local/embedded-services.js';
import { redriveDeadLetters } from '../../shared/adapters/sqs-redrive.js';
import { spawnCli } from '../helpers/spawn-cli.js';

let services: EmbeddedServices;
let sqs: SQSClient;
const env = () => ({
  AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});
const redrive = (queue: string) =>
  spawnCli(
    [
      'redrive',
      queue,
      '--stage',
      'test',
      '--region',
      LOCAL_REGION,
      '--endpoint',
      services.endpoints.sqs,
    ],
    env(),
  );

beforeAll(async () => {
  services = await startEmbeddedServices();
  sqs = new SQSClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: services.endpoints.sqs,
    useQueueUrlAsEndpoint: false,
  });
}, 30_000);

afterAll(async () => {
  await services?.close();
});

async function drain(url: string): Promise<string[]> {
  const bodies: string[] = [];
  for (let empty = 0; empty < 2; ) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    if (Messages.length === 0) empty += 1;
    for (const m of Messages) bodies.push(m.Body ?? '');
  }
  return bodies;
}

describe('acm-report redrive', () => {
  it('moves every dead-lettered message back to its queue, and reports how many', async () => {
    const source = (await sqs.send(new CreateQueueCommand({ QueueName: 'acm-report-test-intake' })))
      .QueueUrl as string;
    const dlq = (
      await sqs.send(new CreateQueueCommand({ QueueName: 'acm-report-test-intake-dlq' }))
    ).QueueUrl as string;
    const bodies = Array.from({ length: 13 }, (_, i) => JSON.stringify({ n: i, text: 'ข้อความ' }));
    for (let i = 0; i < bodies.length; i += 10) {
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: dlq,
          Entries: bodies.slice(i, i + 10).map((body, j) => ({ Id: String(j), MessageBody: body })),
        }),
      );
    }
    const run = await redrive('intake');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('13 message(s) back on acm-report-test-intake');
    expect((await drain(source)).sort()).toEqual([...bodies].sort());
    expect(await drain(dlq)).toEqual([]);
  });

  it('keeps the attributes of each message it moves', async () => {
    // Prepare
    const queue = 'acm-report-attrs-intake';
    const source = (await sqs.send(new CreateQueueCommand({ QueueName: queue })))
      .QueueUrl as string;
    const dlq = (await sqs.send(new CreateQueueCommand({ QueueName: `${queue}-dlq` })))
      .QueueUrl as string;
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: dlq,
        Entries: [
          {
            Id: '0',
            MessageBody: '{"n":0}',
            MessageAttributes: {
              origin: { DataType: 'String', StringValue: 'ส่วนกลาง' },
              attempt: { DataType: 'Number', StringValue: '3' },
              digest: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 255]) },
            },
          },
        ],
      }),
    );

    // Act
    const moved = await redriveDeadLetters(sqs, {
      deadLetterQueueUrl: dlq,
      sourceQueueUrl: source,
    });

    // Assess
    expect(moved).toBe(1);
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: source,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
      }),
    );
    const attributes = Messages[0]?.MessageAttributes ?? {};
    expect(attributes.origin).toMatchObject({ DataType: 'String', StringValue: 'ส่วนกลาง' });
    expect(attributes.attempt).toMatchObject({ DataType: 'Number', StringValue: '3' });
    expect([...(attributes.digest?.BinaryValue ?? [])]).toEqual([1, 2, 255]);
  });

  it('says so when there is nothing to redrive', async () => {
    await sqs.send(new CreateQueueCommand({ QueueName: 'acm-report-test-approvals' }));
    await sqs.send(new CreateQueueCommand({ QueueName: 'acm-report-test-approvals-dlq' }));
    const run = await redrive('approvals');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('acm-report-test-approvals-dlq is empty');
  });

  it('refuses a queue the stack does not have, naming the ones it has', async () => {
    const run = await redrive('payments');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('one of: intake, approvals');
  });
});
