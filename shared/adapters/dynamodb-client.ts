/**
 * One DynamoDB document client per container, created on first use. The
 * endpoint comes from AWS_ENDPOINT_URL_DYNAMODB when set, which is how the
 * embedded stack points it at a local emulator.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let dynamo: DynamoDBClient | undefined;
let documents: DynamoDBDocumentClient | undefined;

export function dynamoClient(): DynamoDBClient {
  dynamo ??= new DynamoDBClient({});
  return dynamo;
}

export function documentClient(): DynamoDBDocumentClient {
  documents ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documents;
}
