/** GET /agencies/{agencyId}/people — the agency's people, for its coordinator. */

import { listAgencyPeople } from '../../shared/people/list-agency-people.js';
import { readEnvironment } from '../common/environment.js';
import { json } from '../common/http.js';
import { peopleHandler } from '../common/people-http.js';
import { manifest } from './manifest.js';

export const handler = peopleHandler(
  readEnvironment(manifest),
  async ({ caller, ports, agencyId }) => {
    const people = await listAgencyPeople(ports, caller, agencyId);
    return json(200, { agencyId, people });
  },
);
