/**
 * Who is signed in, kept in sessionStorage (gone when the tab closes). In
 * local mode the person is picked from the local stack's identities and
 * signs in to the local user pool with its local-only password; in AWS the
 * Cognito hosted UI signs them in and the ID token is the bearer token.
 */

import { signInWithPassword } from '../../../shared/adapters/cognito-password-sign-in.js';
import type { CognitoPortalConfig, PortalConfig } from '../../../shared/workflow/portal-config.js';
import {
  authorizeUrl,
  challengeOf,
  type HostedUi,
  jwtClaims,
  logoutUrl,
  newVerifier,
  tokenRequest,
} from './pkce.js';

export interface Session {
  token: string;
  /** Cognito sub (or the local id): what the API records as the decider. */
  sub: string;
  name: string;
  groups: string[];
  /** Seconds since the epoch; undefined locally. */
  expiresAt?: number;
}

const KEY = 'acm-portal.session';
const PENDING = 'acm-portal.pkce';

function hostedUi(config: CognitoPortalConfig): HostedUi {
  const here = new URL(window.location.href);
  return {
    ...config.cognito,
    redirectUri: `${here.origin}${here.pathname}`,
  };
}

function store(session: Session): Session {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

/** Forgets the signed-in person (the API refused their token); the page they were on stays in the address. */
export function forgetSession(): void {
  sessionStorage.removeItem(KEY);
}

export function currentSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as Session;
  if (session.expiresAt && session.expiresAt * 1000 < Date.now()) {
    sessionStorage.removeItem(KEY);
    return undefined;
  }
  return session;
}

/** Locally: the picked person signs in to the local user pool for a real, signed ID token. */
export async function signInLocally(config: PortalConfig, id: string): Promise<Session> {
  if (config.mode !== 'local') throw new Error('not a local portal');
  const person = config.identities.find((i) => i.id === id);
  if (!person) throw new Error(`no local identity ${id}`);
  const { endpoint, clientId, password } = config.signIn;
  const { idToken, expiresIn } = await signInWithPassword(endpoint, clientId, id, password);
  const claims = jwtClaims(idToken);
  return store({
    token: idToken,
    sub: String(claims.sub),
    name: person.nameTh,
    groups: person.groups,
    expiresAt: Math.floor(Date.now() / 1000) + expiresIn,
  });
}

export async function startCognitoSignIn(config: CognitoPortalConfig): Promise<void> {
  const verifier = newVerifier();
  const state = newVerifier();
  // The hosted UI returns to the page's address without its #/tab: keep it to come back to.
  const returnTo = window.location.hash;
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  window.location.assign(authorizeUrl(hostedUi(config), await challengeOf(verifier), state));
}

/** Completes a hosted-UI redirect (?code=…&state=…), if this page load is one. */
export async function completeCognitoSignIn(
  config: CognitoPortalConfig,
): Promise<Session | undefined> {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code');
  const pending = sessionStorage.getItem(PENDING);
  if (!code || !pending) return undefined;
  sessionStorage.removeItem(PENDING);
  const { verifier, state, returnTo } = JSON.parse(pending) as {
    verifier: string;
    state: string;
    returnTo?: string;
  };
  // The address bar keeps no code, whatever happens next, and is back on the page signed in from.
  window.history.replaceState(null, '', `${url.origin}${url.pathname}${returnTo || url.hash}`);
  if (url.searchParams.get('state') !== state) throw new Error('sign-in state does not match');
  const ui = hostedUi(config);
  const response = await fetch(`${ui.domain}/oauth2/token`, tokenRequest(ui, code, verifier));
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  const { id_token: idToken } = (await response.json()) as { id_token: string };
  const claims = jwtClaims(idToken);
  const groups = Array.isArray(claims['cognito:groups'])
    ? (claims['cognito:groups'] as string[])
    : [];
  return store({
    token: idToken,
    sub: String(claims.sub),
    name: String(claims.email ?? claims['cognito:username'] ?? claims.sub),
    groups,
    expiresAt: Number(claims.exp),
  });
}

export function signOut(config: PortalConfig): void {
  sessionStorage.removeItem(KEY);
  if (config.mode === 'cognito') window.location.assign(logoutUrl(hostedUi(config)));
  else window.location.reload();
}
