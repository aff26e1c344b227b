/**
 * One DynamoDB document client per container (and per local endpoint:
 * client-per-endpoint.ts), created on first use. The endpoint comes from
 * AWS_ENDPOINT_URL_DYNAMODB when set, which is how the embedded stack points
 * it at a local emulator.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clientPerEndpoint } from './client-per-endpoint.js';

export const dynamoClient = clientPerEndpoint(
  'AWS_ENDPOINT_URL_DYNAMODB',
  () => new DynamoDBClient({}),
);

export const documentClient = clientPerEndpoint('AWS_ENDPOINT_URL_DYNAMODB', () =>
  DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true },
  }),
);
