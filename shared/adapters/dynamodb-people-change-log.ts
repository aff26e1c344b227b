/**
 * The audit of people changes in the single table: one immutable row per
 * change under the agency's PEOPLE# partition, sorted by time, so the
 * screen reads the newest with one Query.
 */

import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PeopleChange } from '../people/people-change.js';
import type { PeopleChangeLog } from '../workflow/ports.js';
import { peopleChangeKey, withoutKeys } from './table-keys.js';

export class DynamoDbPeopleChangeLog implements PeopleChangeLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(change: PeopleChange): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...peopleChangeKey(change.agencyId, change.at, change.changeId), ...change },
        // A change id is random: meeting one already stored would be a bug, not a retry.
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async list(agencyId: string, limit: number): Promise<PeopleChange[]> {
    const { pk } = peopleChangeKey(agencyId, '', '');
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :change)',
        ExpressionAttributeValues: { ':pk': pk, ':change': 'CHANGE#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => withoutKeys<PeopleChange>(item));
  }
}
