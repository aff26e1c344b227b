/** One Cognito user-pools client per container, created on first use. */

import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

let cognito: CognitoIdentityProviderClient | undefined;

export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= new CognitoIdentityProviderClient({});
  return cognito;
}
