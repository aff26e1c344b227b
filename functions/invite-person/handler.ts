/**
 * POST /agencies/{agencyId}/people {"email", "name", "position", "roles",
 * "divisions"} — the coordinator invites someone; the pool mails them the
 * Thai invitation.
 */

import { invitePerson } from '../../shared/people/invite-person.js';
import { InvalidPeopleRequestError } from '../../shared/people/people-errors.js';
import { readInviteRequest } from '../../shared/people/people-requests.js';
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

async function invite(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const agencyId = event.pathParameters?.agencyId ?? '';
  const body = jsonBody(event);
  if (!body.ok) throw new InvalidPeopleRequestError(body.problems);
  const person = await invitePerson(ports(), caller, agencyId, readInviteRequest(body.value));
  observability.metrics.addMetric('PeopleInvited', 'Count', 1);
  return json(201, { agencyId, person });
}

export const handler = httpHandler(observability, peopleRoute(invite));
