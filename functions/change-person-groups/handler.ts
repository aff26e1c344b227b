/**
 * POST /agencies/{agencyId}/people/{sub}/groups {"change": "add" | "remove",
 * "role" | "division"} — one role or division of a person, in this agency.
 */

import { changePersonGroups } from '../../shared/people/change-person-groups.js';
import { readGroupChange } from '../../shared/people/people-requests.js';
import { readEnvironment } from '../common/environment.js';
import { json } from '../common/http.js';
import { peopleBody, peopleHandler } from '../common/people-http.js';
import { manifest } from './manifest.js';

export const handler = peopleHandler(
  readEnvironment(manifest),
  async ({ event, caller, ports, agencyId }) => {
    const sub = event.pathParameters?.sub ?? '';
    const change = readGroupChange(peopleBody(event));
    const person = await changePersonGroups(ports, caller, agencyId, sub, change);
    return json(200, { agencyId, person });
  },
);
