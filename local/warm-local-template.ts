/**
 * Fills the local template cache before any stack starts: the demo agency's
 * template, the one every stack test and `npm start` ask for (with the
 * portal or without it), then the portal's build (portal-build-cache.ts).
 * Run as its own process beside the unit tests (see
 * test/setup/warm-local-template.ts), so no stack test pays for a synthesis
 * or a build, and two stacks starting at once do not both make the same one.
 *
 *   node bin/run-ts.mjs local/warm-local-template.ts [agency-id]
 */

import { cachedPortalBuild } from './portal-build-cache.js';
import { sharedLocalTemplate } from './shared-local-template.js';

const agencyId = process.argv[2] ?? 'opdc';
const started = performance.now();
const { fromCache } = sharedLocalTemplate(agencyId, undefined);
console.log(
  `[setup] Local stack template for ${agencyId}: ${fromCache ? 'already cached' : 'synthesised'} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);

const building = performance.now();
const portal = await cachedPortalBuild();
console.log(
  `[setup] The web portal's build: ${portal.fromCache ? 'already built' : 'built'} (${((performance.now() - building) / 1000).toFixed(1)} s)`,
);
