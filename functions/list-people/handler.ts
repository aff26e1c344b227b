/** GET /agencies/{agencyId}/people — the agency's people, for its coordinator. */

import { listAgencyPeople } from '../../shared/people/list-agency-people.js';
import { readEnvironment } from '../common/environment.js';
import {
  callerOf,
  type HttpEvent,
  type HttpResult,
  json,
  unauthenticated,
} from '../common/http.js';
import { httpHandler } from '../common/http-handler.js';
import { lazy } from '../common/lazy.js';
import { createObservability } from '../common/observability.js';
import { peoplePorts, peopleRoute } from '../common/people-http.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);
const observability = createObservability();
const ports = lazy(() => peoplePorts(env));

async function listPeople(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const agencyId = event.pathParameters?.agencyId ?? '';
  const people = await listAgencyPeople(ports(), caller, agencyId);
  return json(200, { agencyId, people });
}

export const handler = httpHandler(observability, peopleRoute(listPeople));
