/**
 * What the people routes share: their ports (the user pool's admin API and
 * the audit in the table) and the answer to a refusal the use cases throw
 * (shared/people/people-errors.ts): its status and bilingual problems.
 */

import { cognitoClient } from '../../shared/adapters/cognito-client.js';
import { CognitoPeopleAdmin } from '../../shared/adapters/cognito-people-admin.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbPeopleChangeLog } from '../../shared/adapters/dynamodb-people-change-log.js';
import {
  InvalidPeopleRequestError,
  PeopleRefusalError,
} from '../../shared/people/people-errors.js';
import type { PeopleScreenPorts } from '../../shared/people/people-screen-ports.js';
import type { Caller } from '../../shared/workflow/caller.js';
import { now } from './environment.js';
import { callerOf, type HttpEvent, type HttpResult, problems, unauthenticated } from './http.js';
import { httpHandler } from './http-handler.js';
import { jsonBody } from './json-body.js';
import { lazy } from './lazy.js';
import { createObservability, type Observability } from './observability.js';

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

/** What a people route is handed once its caller is known. */
export interface PeopleRequest {
  event: HttpEvent;
  caller: Caller;
  ports: PeopleScreenPorts;
  /** The path's agency ('' on a route without one). */
  agencyId: string;
  observability: Observability;
}

/**
 * A people route's Lambda handler: the ports built once from the function's
 * own environment, an anonymous request answered 401, refusals as 4xx.
 */
export function peopleHandler(
  env: Parameters<typeof peoplePorts>[0],
  handle: (request: PeopleRequest) => Promise<HttpResult>,
) {
  const observability = createObservability();
  const ports = lazy(() => peoplePorts(env));
  return httpHandler(
    observability,
    peopleRoute(async (event) => {
      const caller = callerOf(event);
      if (!caller) return unauthenticated();
      const agencyId = event.pathParameters?.agencyId ?? '';
      return handle({ event, caller, ports: ports(), agencyId, observability });
    }),
  );
}

/** The request's JSON body, or the refusal that names what is wrong with it. */
export function peopleBody(event: HttpEvent): unknown {
  const body = jsonBody(event);
  if (!body.ok) throw new InvalidPeopleRequestError(body.problems);
  return body.value;
}
