/**
 * What the people routes share: their ports (the user pool's admin API and
 * the audit in the table) and the answer to a refusal the use cases throw
 * (shared/people/people-errors.ts): its status and bilingual problems.
 */

import { cognitoClient } from '../../shared/adapters/cognito-client.js';
import { CognitoPeopleAdmin } from '../../shared/adapters/cognito-people-admin.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbPeopleChangeLog } from '../../shared/adapters/dynamodb-people-change-log.js';
import { PeopleRefusalError } from '../../shared/people/people-errors.js';
import type { PeopleScreenPorts } from '../../shared/people/people-screen-ports.js';
import { now } from './environment.js';
import { type HttpEvent, type HttpResult, problems } from './http.js';

export function peoplePorts(env: {
  readonly TABLE_NAME: string;
  readonly USER_POOL_ID?: string;
}): PeopleScreenPorts {
  return {
    // A route that never touches the pool (the audit list) has no pool id and no admin calls.
    admin: new CognitoPeopleAdmin(cognitoClient(), env.USER_POOL_ID ?? ''),
    changes: new DynamoDbPeopleChangeLog(documentClient(), env.TABLE_NAME),
    now,
  };
}

/** A people route: its refusals become 4xx answers; anything else is left to httpErrors (500). */
export function peopleRoute(
  handle: (event: HttpEvent) => Promise<HttpResult>,
): (event: HttpEvent) => Promise<HttpResult> {
  return async (event) => {
    try {
      return await handle(event);
    } catch (error) {
      if (error instanceof PeopleRefusalError) return problems(error.status, error.problems);
      throw error;
    }
  };
}
