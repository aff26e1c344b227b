/**
 * `acm-report redrive <queue>`: after a fix or an outage, send what the
 * queue's dead-letter queue holds back to it (operators, with the
 * deployment's AWS credentials in the environment as for any AWS CLI).
 */

import { SQSClient } from '@aws-sdk/client-sqs';
import {
  deadLetterQueueName,
  queueUrlOf,
  redriveDeadLetters,
} from '../../shared/adapters/sqs-redrive.js';
import { REDRIVABLE_QUEUES } from '../command-choices.js';
import { EXIT_OK, UsageError } from '../usage-error.js';

export { REDRIVABLE_QUEUES };

export interface RedriveCommandOptions {
  stage: string;
  region?: string;
  endpoint?: string;
}

export async function runRedrive(queue: string, options: RedriveCommandOptions): Promise<number> {
  if (!(REDRIVABLE_QUEUES as readonly string[]).includes(queue)) {
    throw new UsageError(`which queue? one of: ${REDRIVABLE_QUEUES.join(', ')} (got ${queue})`);
  }
  const sqs = new SQSClient({
    ...(options.region ? { region: options.region } : {}),
    // Another endpoint's queue URLs may name hosts of its own: send to the endpoint given.
    ...(options.endpoint ? { endpoint: options.endpoint, useQueueUrlAsEndpoint: false } : {}),
  });
  const source = `acm-report-${options.stage}-${queue}`;
  const dlq = deadLetterQueueName(source);
  const [sourceQueueUrl, deadLetterQueueUrl] = await Promise.all([
    queueUrlOf(sqs, source),
    queueUrlOf(sqs, dlq),
  ]);
  console.log(`Moving messages from ${dlq} back to ${source} …`);
  const moved = await redriveDeadLetters(
    sqs,
    { deadLetterQueueUrl, sourceQueueUrl },
    { onProgress: (n) => process.stdout.write(`\r  ${n} moved`) },
  );
  if (moved > 0) process.stdout.write('\n');
  console.log(
    moved === 0
      ? `${dlq} is empty: nothing to redrive.`
      : `${moved} message(s) back on ${source}; they are processed as new deliveries.`,
  );
  return EXIT_OK;
}
