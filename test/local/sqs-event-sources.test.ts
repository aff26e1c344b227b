/**
 * The local SQS event source keeps polling through what SQS refuses: a
 * delete of handled messages that fails (here: the queue went away while its
 * batch was being handled) is reported and the next message is still
 * handled, where it used to end that queue's polling for good, silently.
 */

import {
  CreateQueueCommand,
  DeleteQueueCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { type FauxqsServer, interceptLocalhostDns, startFauxqs } from 'fauxqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import type { LocalFunctions } from '../../local/local-functions.js';
import type { LocalResources } from '../../local/local-resources.js';
import type { CfnTemplate } from '../../local/local-template.js';
import { type EventSources, startEventSources } from '../../local/sqs-event-sources.js';

const QUEUE = 'acm-report-test-work';
let fauxqs: FauxqsServer;
let restoreDns: () => void;
let sqs: SQSClient;
let sources: EventSources;
let queueUrl: string;
const handled: string[] = [];
const errors: string[] = [];

const template: CfnTemplate = {
  Resources: {
    WorkMapping: {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: {
        EventSourceArn: { 'Fn::GetAtt': ['WorkQueue', 'Arn'] },
        FunctionName: { Ref: 'Worker' },
        BatchSize: 10,
      },
    },
  },
};

beforeAll(async () => {
  fauxqs = await startFauxqs({ port: 0, logger: false, defaultRegion: LOCAL_REGION });
  restoreDns = interceptLocalhostDns();
  const endpoint = fauxqs.address.replace('localhost', '127.0.0.1');
  sqs = new SQSClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint });
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: QUEUE }))).QueueUrl ?? '';
  const worker = {
    name: 'worker',
    arn: `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:worker`,
  };
  // Only what the event sources read of the stack's functions and resources.
  const functions = {
    byLogicalId: () => worker,
    invoke: async (_arn: string, event: unknown) => {
      for (const record of (event as SQSEvent).Records) {
        handled.push(record.body);
        if (record.body === 'the queue goes away') {
          await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
        }
      }
      return {};
    },
  } as unknown as LocalFunctions;
  const resources = {
    queues: new Map([
      [
        'WorkQueue',
        { name: QUEUE, url: queueUrl, arn: `arn:aws:sqs:${LOCAL_REGION}:000000000000:${QUEUE}` },
      ],
    ]),
  } as unknown as LocalResources;
  sources = startEventSources(template, resources, functions, {
    endpoint,
    region: LOCAL_REGION,
    retryAfterSeconds: 1,
    onError: (error) => errors.push(error instanceof Error ? error.name : String(error)),
  });
});

afterAll(async () => {
  await sources?.stop();
  restoreDns?.();
  await fauxqs?.stop();
});

describe('SQS event sources', () => {
  it('reports a delete SQS refused and goes on handling the queue', async () => {
    await sqs.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'the queue goes away' }),
    );
    await expect.poll(() => errors.length, { timeout: 20_000 }).toBeGreaterThan(0);
    // The queue is back (same name, same URL) and gets a message: it is still polled.
    await sqs.send(new CreateQueueCommand({ QueueName: QUEUE }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'after' }));
    await expect.poll(() => handled, { timeout: 20_000 }).toContain('after');
    expect(handled[0]).toBe('the queue goes away');
  });
});
