/** One Cognito user-pools client per container (and per local endpoint: client-per-endpoint.ts). */

import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { clientPerEndpoint } from './client-per-endpoint.js';

export const cognitoClient = clientPerEndpoint(
  'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER',
  () => new CognitoIdentityProviderClient({}),
);
