/**
 * The portal's shell: sign-in, then a header (who, language, sign out, the
 * public reports) and one tab per part the person plays: their division's
 * items, the decisions waiting for them, the coordinator's overview.
 */

import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { callerFromClaims } from '../../shared/workflow/caller.js';
import type { PortalConfig } from '../../shared/workflow/portal-config.js';
import { PortalApi } from './api/portal-api.js';
import { ApproverPage } from './approver/approver-page.js';
import { currentSession, forgetSession, type Session, signOut } from './auth/session.js';
import { CoordinatorPage } from './coordinator/coordinator-page.js';
import { DivisionPage } from './division/division-page.js';
import type { Lang } from './i18n/format.js';
import { type StringKey, translate } from './i18n/strings.js';
import { PeoplePage } from './people/people-page.js';
import { PortalContext } from './portal-context.js';
import { SignInPage } from './sign-in-page.js';
import { ErrorBoundary } from './ui/error-boundary.js';

type Tab = 'division' | 'approver' | 'coordinator' | 'people';
const TAB_LABEL: Record<Tab, StringKey> = {
  division: 'tabDivision',
  approver: 'tabApprover',
  coordinator: 'tabCoordinator',
  people: 'tabPeople',
};

function tabFromHash(): Tab | undefined {
  const name = window.location.hash.replace(/^#\/?/, '');
  return Object.hasOwn(TAB_LABEL, name) ? (name as Tab) : undefined;
}

function initialLang(): Lang {
  return localStorage.getItem('acm-portal.lang') === 'en' ? 'en' : 'th';
}

export function App(props: { config: PortalConfig; session?: Session }) {
  const { config } = props;
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<Session | undefined>(props.session ?? currentSession());
  const [tab, setTab] = useState<Tab | undefined>(tabFromHash);
  const [expired, setExpired] = useState(false);
  // A 401 means the token expired or was revoked: back to sign-in, on the same #/tab.
  const unauthorised = useCallback(() => {
    forgetSession();
    setExpired(true);
    setSession(undefined);
  }, []);
  const signedIn = useCallback((next: Session) => {
    setExpired(false);
    setSession(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('acm-portal.lang', lang);
    document.title = translate(lang, 'appName');
  }, [lang]);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const context = useMemo(() => {
    if (!session) return undefined;
    const caller = callerFromClaims({ sub: session.sub, 'cognito:groups': session.groups });
    if (!caller) return undefined;
    const agencies = [...new Set([...caller.roles.keys(), ...caller.divisions.keys()])];
    const agencyId = config.agencyId ?? agencies[0] ?? '';
    return {
      lang,
      config,
      session,
      caller,
      agencyId,
      api: new PortalApi(config.apiUrl, session.token, unauthorised),
    };
  }, [lang, config, session, unauthorised]);
  const t = (key: StringKey) => translate(lang, key);
  const switcher = (
    <fieldset class="lang">
      <legend class="visually-hidden">{t('language')}</legend>
      {(['th', 'en'] as const).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          {l === 'th' ? 'ไทย' : 'English'}
        </button>
      ))}
    </fieldset>
  );

  if (!context) {
    return (
      <>
        <header class="top">
          <p class="brand">{t('appName')}</p>
          {switcher}
        </header>
        {expired ? (
          <p class="notice error session-expired" role="alert">
            {t('sessionExpired')}
          </p>
        ) : null}
        <SignInPage config={config} lang={lang} onSignedIn={signedIn} />
      </>
    );
  }
  const { caller, agencyId } = context;
  const roles = caller.roles.get(agencyId) ?? new Set();
  const tabs: Tab[] = [];
  if ((caller.divisions.get(agencyId)?.size ?? 0) > 0) tabs.push('division');
  if ([...roles].some((r) => r !== 'coordinator')) tabs.push('approver');
  // Only the coordinator manages the agency's people; nobody else sees the link.
  if (roles.has('coordinator')) tabs.push('coordinator', 'people');
  const current = tab && tabs.includes(tab) ? tab : tabs[0];

  return (
    <PortalContext.Provider value={context}>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="top">
        <p class="brand">{t('appName')}</p>
        <p class="who">
          <span class="visually-hidden">{t('signedInAs')}: </span>
          {session?.name}
        </p>
        {switcher}
        <button type="button" class="link sign-out" onClick={() => signOut(config)}>
          {t('signOut')}
        </button>
      </header>
      <nav class="tabs" aria-label={t('appName')}>
        <ul>
          {tabs.map((name) => (
            <li key={name}>
              <a href={`#/${name}`} aria-current={name === current ? 'page' : undefined}>
                {t(TAB_LABEL[name])}
              </a>
            </li>
          ))}
          <li>
            <a href={`${config.publicSiteUrl}/index.html`}>{t('publicReports')}</a>
          </li>
        </ul>
      </nav>
      <main id="main">
        <ErrorBoundary key={current}>
          {current === 'division' ? (
            <DivisionPage />
          ) : current === 'approver' ? (
            <ApproverPage />
          ) : current === 'coordinator' ? (
            <CoordinatorPage />
          ) : current === 'people' ? (
            <PeoplePage />
          ) : null}
        </ErrorBoundary>
      </main>
    </PortalContext.Provider>
  );
}
