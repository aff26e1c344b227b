/** GET /agencies/{agencyId}/people/changes — the audit of people changes: who, when, what, whom. */

import { listPeopleChanges } from '../../shared/people/list-agency-people.js';
import { readEnvironment } from '../common/environment.js';
import { json } from '../common/http.js';
import { peopleHandler } from '../common/people-http.js';
import { manifest } from './manifest.js';

export const handler = peopleHandler(
  readEnvironment(manifest),
  async ({ caller, ports, agencyId }) => {
    const changes = await listPeopleChanges(ports, caller, agencyId);
    return json(200, { agencyId, changes });
  },
);
