/** What the people screen's use cases are handed: the user pool, the audit, the clock. */

import type { PeopleAdmin, PeopleChangeLog } from '../workflow/ports.js';

export interface PeopleScreenPorts {
  admin: PeopleAdmin;
  changes: PeopleChangeLog;
  now: () => Date;
}
