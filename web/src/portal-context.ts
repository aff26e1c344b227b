/** What every page needs: the language, the API as the signed-in person, and who they are. */

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Caller } from '../../shared/workflow/caller.js';
import type { PortalConfig } from '../../shared/workflow/portal-config.js';
import type { PortalApi } from './api/portal-api.js';
import type { Session } from './auth/session.js';
import type { Lang } from './i18n/format.js';
import { type StringKey, translate } from './i18n/strings.js';

export interface PortalContextValue {
  lang: Lang;
  config: PortalConfig;
  session: Session;
  caller: Caller;
  agencyId: string;
  api: PortalApi;
}

export const PortalContext = createContext<PortalContextValue | undefined>(undefined);

export function usePortal(): PortalContextValue & {
  t: (key: StringKey, values?: Record<string, string | number>) => string;
} {
  const value = useContext(PortalContext);
  if (!value) throw new Error('usePortal outside the portal');
  return { ...value, t: (key, values) => translate(value.lang, key, values) };
}
