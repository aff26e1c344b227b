/**
 * A first sign-in as an invited person makes it: the temporary password
 * from the invitation (InitiateAuth, USER_PASSWORD_AUTH) answers
 * NEW_PASSWORD_REQUIRED, and a new password (RespondToAuthChallenge) gives
 * the signed ID token. Spoken over plain HTTP to the local user pool, as
 * the SDK would.
 */

async function cognitoCall(endpoint: string, target: string, body: unknown) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as {
    ChallengeName?: string;
    Session?: string;
    AuthenticationResult?: { IdToken?: string };
  };
  if (!response.ok) throw new Error(`${target} answered ${response.status}`);
  return json;
}

export async function firstSignIn(
  pool: { endpoint: string; clientId: string },
  username: string,
  temporaryPassword: string,
  newPassword: string,
): Promise<{ challenge: string | undefined; idToken: string }> {
  const started = await cognitoCall(pool.endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: pool.clientId,
    AuthParameters: { USERNAME: username, PASSWORD: temporaryPassword },
  });
  const answered = await cognitoCall(pool.endpoint, 'RespondToAuthChallenge', {
    ChallengeName: started.ChallengeName,
    ClientId: pool.clientId,
    Session: started.Session,
    ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
  });
  const idToken = answered.AuthenticationResult?.IdToken;
  if (!idToken) throw new Error('no ID token after setting the new password');
  return { challenge: started.ChallengeName, idToken };
}
