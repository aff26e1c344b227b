/**
 * The template every local stack with the real manifests shares: synthesised
 * once for an agency, then read from the cache (local-template-cache.ts). A
 * stack without the portal takes the same template with the loopback origin
 * the synthesis uses by default, so one synthesis serves both. The warm-up (warm-local-template.ts) fills the
 * cache ahead of the stack tests through this same function, so it warms
 * exactly the entries a stack will ask for.
 */

import { LOCAL_REGION } from './embedded-services.js';
import type { CfnTemplate } from './local-template.js';
import { NO_PORTAL_ORIGIN, synthesiseLocalTemplate } from './local-template.js';
import { cachedLocalTemplate } from './local-template-cache.js';

export function sharedLocalTemplate(
  agencyId: string,
  portalUrl: string | undefined,
): { template: CfnTemplate; fromCache: boolean } {
  return cachedLocalTemplate(
    {
      region: LOCAL_REGION,
      agencies: [agencyId],
      portalOrigins: [portalUrl ?? NO_PORTAL_ORIGIN],
    },
    synthesiseLocalTemplate,
  );
}
