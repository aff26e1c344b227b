/**
 * Setup of each handler test file. A handler keeps its typed environment
 * and SDK clients from init, so each file needs module instances of its own
 * of every project module: they are evaluated afresh for each file. What the
 * files share is a worker's external packages (the SDK, Powertools, middy),
 * loaded once per worker instead of once per file, as a fresh process per
 * file did. The environment a file set is put back after it.
 */

import { afterAll, vi } from 'vitest';

const environment = { ...process.env };
vi.resetModules();

afterAll(() => {
  for (const name of Object.keys(process.env)) {
    if (!(name in environment)) delete process.env[name];
  }
  Object.assign(process.env, environment);
});
