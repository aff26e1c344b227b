/**
 * Signing in with a username and password (InitiateAuth, USER_PASSWORD_AUTH)
 * over plain fetch, so the portal can use it without the AWS SDK. Only the
 * local user pool's client allows this flow; the deployed portal signs in
 * through the hosted UI (authorization code with PKCE).
 */

export interface SignedIn {
  idToken: string;
  /** Seconds the ID token is valid for. */
  expiresIn: number;
}

export class SignInError extends Error {
  override readonly name = 'SignInError';
}

export async function signInWithPassword(
  endpoint: string,
  clientId: string,
  username: string,
  password: string,
): Promise<SignedIn> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  });
  const body = (await response.json()) as {
    AuthenticationResult?: { IdToken?: string; ExpiresIn?: number };
    ChallengeName?: string;
  };
  const idToken = body.AuthenticationResult?.IdToken;
  if (!response.ok || !idToken) {
    // The service's own words stay out of what a person reads.
    throw new SignInError(
      body.ChallengeName
        ? `sign-in needs ${body.ChallengeName}`
        : `sign-in refused (${response.status})`,
    );
  }
  return { idToken, expiresIn: body.AuthenticationResult?.ExpiresIn ?? 3600 };
}
