/**
 * The HTTP API's JWT authorizer, locally: a bearer token is accepted only if
 * it is a JWT signed by the user pool's key (its JWKS), from the pool's
 * issuer, for the portal's client (an ID token's `aud` or an access token's
 * `client_id`), of a known token use, and not expired — checked by
 * aws-jwt-verify. The function then sees the claims as API Gateway hands
 * them over: every value a string, arrays flattened to "[a b]".
 */

import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

export interface JwtAuthorizer {
  /** The claims for a valid token, undefined for anything else. */
  claimsOf(token: string): Promise<Record<string, string> | undefined>;
}

export async function localJwtAuthorizer(options: {
  issuer: string;
  clientId: string;
}): Promise<JwtAuthorizer> {
  const jwksUri = `${options.issuer}/.well-known/jwks.json`;
  const verifier = JwtRsaVerifier.create({
    issuer: options.issuer,
    // Checked below: an ID token names the client in aud, an access token in client_id.
    audience: null,
    jwksUri,
    customJwtCheck: ({ payload }) => {
      const use = payload.token_use;
      if (use !== 'id' && use !== 'access') throw new Error('unknown token use');
      const client = use === 'id' ? payload.aud : payload.client_id;
      if (client !== options.clientId) throw new Error('token for another client');
    },
  });
  // aws-jwt-verify fetches keys over https only; the local pool serves http, so load them here.
  const jwks = await (await fetch(jwksUri)).json();
  verifier.cacheJwks(jwks as never);
  return {
    async claimsOf(token) {
      try {
        return flatten(await verifier.verify(token));
      } catch {
        return undefined;
      }
    },
  };
}

function flatten(payload: JwtPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([key, value]) => [
      key,
      Array.isArray(value) ? `[${value.join(' ')}]` : String(value),
    ]),
  );
}
