/** One SQS client per container, created on first use. */

import { SQSClient } from '@aws-sdk/client-sqs';

let sqs: SQSClient | undefined;

export function sqsClient(): SQSClient {
  sqs ??= new SQSClient({});
  return sqs;
}
