/** POST /agencies/{agencyId}/people/{sub}/disable — the person can no longer sign in. */

import { disablePerson } from '../../shared/people/disable-person.js';
import { readEnvironment } from '../common/environment.js';
import { json } from '../common/http.js';
import { peopleHandler } from '../common/people-http.js';
import { manifest } from './manifest.js';

export const handler = peopleHandler(
  readEnvironment(manifest),
  async ({ event, caller, ports, agencyId }) => {
    const sub = event.pathParameters?.sub ?? '';
    const person = await disablePerson(ports, caller, agencyId, sub);
    return json(200, { agencyId, person });
  },
);
