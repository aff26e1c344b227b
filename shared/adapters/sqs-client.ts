/** One SQS client per container (and per local endpoint: client-per-endpoint.ts), created on first use. */

import { SQSClient } from '@aws-sdk/client-sqs';
import { clientPerEndpoint } from './client-per-endpoint.js';

// In AWS a queue URL's host is the regional endpoint anyway. Off, an
// endpoint given by AWS_ENDPOINT_URL_SQS is used as given (the SDK would
// otherwise send to the queue URL's own host, past any proxy in between).
export const sqsClient = clientPerEndpoint(
  'AWS_ENDPOINT_URL_SQS',
  () => new SQSClient({ useQueueUrlAsEndpoint: false }),
);
