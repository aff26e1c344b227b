/**
 * Fills the local template cache before any stack starts: the demo agency's
 * template with the portal and without it, the two every stack test and
 * `npm start` ask for. Run as its own process beside the unit tests (see
 * test/setup/warm-local-template.ts), so no stack test pays for a synthesis,
 * and two stacks starting at once do not both synthesise the same template.
 *
 *   node bin/run-ts.mjs local/warm-local-template.ts [agency-id]
 */

import { sharedLocalTemplate } from './shared-local-template.js';

/** A stand-in portal address: the cache keeps a placeholder in its place. */
const ANY_PORTAL = 'http://127.0.0.1:1';

const agencyId = process.argv[2] ?? 'opdc';
const started = performance.now();
const entries = [undefined, ANY_PORTAL].map((portal) => sharedLocalTemplate(agencyId, portal));
const synthesised = entries.filter((entry) => !entry.fromCache).length;
console.log(
  `[setup] Local stack template for ${agencyId}: ${synthesised} of 2 synthesised, the rest cached (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
