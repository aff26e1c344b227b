/**
 * POST /agencies {"agencyId", "coordinator": {"email", "name", "position"}}
 * — the national operator creates an agency and invites its first coordinator.
 */

import { createAgency } from '../../shared/people/create-agency.js';
import { InvalidPeopleRequestError } from '../../shared/people/people-errors.js';
import { readCreateAgencyRequest } from '../../shared/people/people-requests.js';
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

async function create(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const body = jsonBody(event);
  if (!body.ok) throw new InvalidPeopleRequestError(body.problems);
  const created = await createAgency(ports(), caller, readCreateAgencyRequest(body.value));
  observability.metrics.addMetric('AgenciesCreated', 'Count', 1);
  return json(201, created);
}

export const handler = httpHandler(observability, peopleRoute(create));
