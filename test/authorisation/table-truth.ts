/**
 * What the table really holds, read beside the API rather than through it:
 * a refused request must leave this unchanged, an allowed one must change it.
 * Scans are fine here (a test over a small table); no request path scans.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/embedded-services.js';
import type { LocalStack } from '../../local/local-stack.js';
import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import { withoutKeys } from '../../shared/adapters/table-keys.js';
import type { Approval } from '../../shared/workflow/approval.js';

export interface TableTruth {
  /** The table's document client, for reads no repository above offers. */
  documents: DynamoDBDocumentClient;
  rounds: DynamoDbRoundRepository;
  uploads: DynamoDbSubmissionRepository;
  approvals: DynamoDbApprovalRepository;
  /** Every upload record's id, in any agency. */
  uploadIds(): Promise<string[]>;
  /** Every approval still waiting for a decision, in any agency. */
  pendingApprovals(): Promise<Approval[]>;
}

export function tableTruth(stack: LocalStack): TableTruth {
  // Straight to the emulator: the handlers' endpoint may pass a fault proxy.
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.services.endpoints.dynamodb,
    }),
  );
  const table = stack.resources.tableName;
  const scan = async (prefix: string) => {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new ScanCommand({
          TableName: table,
          FilterExpression: 'begins_with(pk, :prefix)',
          ExpressionAttributeValues: { ':prefix': prefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  };
  return {
    documents,
    rounds: new DynamoDbRoundRepository(documents, table),
    uploads: new DynamoDbSubmissionRepository(documents, table),
    approvals: new DynamoDbApprovalRepository(documents, table),
    async uploadIds() {
      return (await scan('UPLOAD#')).map((item) => String(item.uploadId)).sort();
    },
    async pendingApprovals() {
      return (await scan('APPROVAL#'))
        .map((item) => withoutKeys<Approval>(item))
        .filter((approval) => approval.status === 'pending');
    },
  };
}
