/**
 * Fills the local template cache before any stack starts: the demo agency's
 * template, the one every stack test and `npm start` ask for (with the
 * portal or without it). Run as its own process beside the unit tests (see
 * test/setup/warm-local-template.ts), so no stack test pays for a synthesis,
 * and two stacks starting at once do not both synthesise the same template.
 *
 *   node bin/run-ts.mjs local/warm-local-template.ts [agency-id]
 */

import { sharedLocalTemplate } from './shared-local-template.js';

const agencyId = process.argv[2] ?? 'opdc';
const started = performance.now();
const { fromCache } = sharedLocalTemplate(agencyId, undefined);
console.log(
  `[setup] Local stack template for ${agencyId}: ${fromCache ? 'already cached' : 'synthesised'} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
