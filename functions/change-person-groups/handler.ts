/**
 * POST /agencies/{agencyId}/people/{sub}/groups {"change": "add" | "remove",
 * "role" | "division"} — one role or division of a person, in this agency.
 */

import { changePersonGroups } from '../../shared/people/change-person-groups.js';
import { InvalidPeopleRequestError } from '../../shared/people/people-errors.js';
import { readGroupChange } from '../../shared/people/people-requests.js';
import { readEnvironment } from '../common/environment.js';
import {
  callerOf,
  type HttpEvent,
  type HttpResult,
  json,
  unauthenticated,
} from '../common/http.js';
import { httpHandler } from '../common/http-handler.js';
import { jsonBody } from '../common/json-body.js';
import { lazy } from '../common/lazy.js';
import { createObservability } from '../common/observability.js';
import { peoplePorts, peopleRoute } from '../common/people-http.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);
const observability = createObservability();
const ports = lazy(() => peoplePorts(env));

async function changeGroups(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const agencyId = event.pathParameters?.agencyId ?? '';
  const sub = event.pathParameters?.sub ?? '';
  const body = jsonBody(event);
  if (!body.ok) throw new InvalidPeopleRequestError(body.problems);
  const change = readGroupChange(body.value);
  const person = await changePersonGroups(ports(), caller, agencyId, sub, change);
  return json(200, { agencyId, person });
}

export const handler = httpHandler(observability, peopleRoute(changeGroups));
