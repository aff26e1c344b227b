/**
 * POST /agencies {"agencyId", "coordinator": {"email", "name", "position"}}
 * — the national operator creates an agency and invites its first coordinator.
 */

import { createAgency } from '../../shared/people/create-agency.js';
import { readCreateAgencyRequest } from '../../shared/people/people-requests.js';
import { readEnvironment } from '../common/environment.js';
import { json } from '../common/http.js';
import { peopleBody, peopleHandler } from '../common/people-http.js';
import { manifest } from './manifest.js';

export const handler = peopleHandler(
  readEnvironment(manifest),
  async ({ event, caller, ports, observability }) => {
    const created = await createAgency(ports, caller, readCreateAgencyRequest(peopleBody(event)));
    observability.metrics.addMetric('AgenciesCreated', 'Count', 1);
    return json(201, created);
  },
);
