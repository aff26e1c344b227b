/**
 * The single table on dynalite (the embedded DynamoDB), for tests that need
 * the real protocol but not the whole local stack. Keys and indexes as in
 * infra/constructs/storage.ts, projections from the same constants (the e2e
 * tests run the synthesised template itself).
 */

import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import {
  DECIDED_ATTRIBUTES,
  DECIDED_INDEX,
  INBOX_ATTRIBUTES,
  INBOX_INDEX,
} from '../../shared/adapters/table-keys.js';

const stringKeys = (...names: string[]) =>
  names.map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const }));

export async function createSingleTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint,
  });
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: stringKeys('pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: INBOX_INDEX,
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: INBOX_ATTRIBUTES },
        },
        {
          IndexName: DECIDED_INDEX,
          KeySchema: [
            { AttributeName: 'gsi2pk', KeyType: 'HASH' },
            { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: DECIDED_ATTRIBUTES },
        },
      ],
    }),
  );
  client.destroy();
}

export interface DynaliteTable {
  endpoint: string;
  tableName: string;
  documents: DynamoDBDocumentClient;
  close(): Promise<void>;
}

/** dynalite alone, in memory, on 127.0.0.1 and a port the OS picks, with the single table. */
export async function startDynaliteTable(tableName = 'acm-report-test'): Promise<DynaliteTable> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('dynalite did not listen');
  const endpoint = `http://127.0.0.1:${address.port}`;
  await createSingleTable(endpoint, tableName);
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint,
  });
  const documents = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    endpoint,
    tableName,
    documents,
    async close() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
