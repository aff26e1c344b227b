/** One SQS client per container, created on first use. */

import { SQSClient } from '@aws-sdk/client-sqs';

let sqs: SQSClient | undefined;

export function sqsClient(): SQSClient {
  // In AWS a queue URL's host is the regional endpoint anyway. Off, an
  // endpoint given by AWS_ENDPOINT_URL_SQS is used as given (the SDK would
  // otherwise send to the queue URL's own host, past any proxy in between).
  sqs ??= new SQSClient({ useQueueUrlAsEndpoint: false });
  return sqs;
}
