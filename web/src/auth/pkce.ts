/**
 * OAuth 2.0 authorization code with PKCE against the Cognito hosted UI:
 * the pieces that are plain functions (verifier, challenge, URLs, the token
 * request, reading a JWT's claims), apart from the browser redirects.
 */

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh code verifier: 32 random bytes, 43 characters (RFC 7636 allows 43–128). */
export function newVerifier(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  return base64Url(random(new Uint8Array(32)));
}

/** S256: base64url(SHA-256(verifier)). */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export interface HostedUi {
  domain: string;
  clientId: string;
  redirectUri: string;
}

export function authorizeUrl(ui: HostedUi, challenge: string, state: string): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: ui.clientId,
    redirect_uri: ui.redirectUri,
    scope: 'openid email profile',
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  });
  return `${ui.domain.replace(/\/$/, '')}/oauth2/authorize?${query}`;
}

export function tokenRequest(ui: HostedUi, code: string, verifier: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: ui.clientId,
      code,
      redirect_uri: ui.redirectUri,
      code_verifier: verifier,
    }).toString(),
  };
}

export function logoutUrl(ui: HostedUi): string {
  const query = new URLSearchParams({ client_id: ui.clientId, logout_uri: ui.redirectUri });
  return `${ui.domain.replace(/\/$/, '')}/logout?${query}`;
}

/** The claims of a JWT (unverified: the API's authorizer verifies; the page only reads names). */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const padded = payload.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}
