/**
 * The template every local stack with the real manifests shares: synthesised
 * once for an agency, with or without the portal, then read from the cache
 * (local-template-cache.ts). The warm-up (warm-local-template.ts) fills the
 * cache ahead of the stack tests through this same function, so it warms
 * exactly the entries a stack will ask for.
 */

import { LOCAL_REGION } from './embedded-services.js';
import type { CfnTemplate } from './local-template.js';
import { synthesiseLocalTemplate } from './local-template.js';
import { cachedLocalTemplate } from './local-template-cache.js';

export function sharedLocalTemplate(
  agencyId: string,
  portalUrl: string | undefined,
): { template: CfnTemplate; fromCache: boolean } {
  return cachedLocalTemplate(
    {
      region: LOCAL_REGION,
      agencies: [agencyId],
      ...(portalUrl ? { portalOrigins: [portalUrl] } : {}),
    },
    synthesiseLocalTemplate,
  );
}
