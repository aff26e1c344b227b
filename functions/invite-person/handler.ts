/**
 * POST /agencies/{agencyId}/people {"email", "name", "position", "roles",
 * "divisions"} — the coordinator invites someone; the pool mails them the
 * Thai invitation.
 */

import { invitePerson } from '../../shared/people/invite-person.js';
import { readInviteRequest } from '../../shared/people/people-requests.js';
import { readEnvironment } from '../common/environment.js';
import { json } from '../common/http.js';
import { peopleBody, peopleHandler } from '../common/people-http.js';
import { manifest } from './manifest.js';

export const handler = peopleHandler(
  readEnvironment(manifest),
  async ({ event, caller, ports, agencyId, observability }) => {
    const request = readInviteRequest(peopleBody(event));
    const person = await invitePerson(ports, caller, agencyId, request);
    observability.metrics.addMetric('PeopleInvited', 'Count', 1);
    return json(201, { agencyId, person });
  },
);
