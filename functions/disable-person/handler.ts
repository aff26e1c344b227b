/** POST /agencies/{agencyId}/people/{sub}/disable — the person can no longer sign in. */

import { disablePerson } from '../../shared/people/disable-person.js';
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

async function disable(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const agencyId = event.pathParameters?.agencyId ?? '';
  const sub = event.pathParameters?.sub ?? '';
  const person = await disablePerson(ports(), caller, agencyId, sub);
  return json(200, { agencyId, person });
}

export const handler = httpHandler(observability, peopleRoute(disable));
