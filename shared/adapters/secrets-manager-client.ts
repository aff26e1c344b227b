/**
 * One Powertools SecretsProvider (its SDK client and its value cache) per
 * container, and per local endpoint (client-per-endpoint.ts).
 */

import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { clientPerEndpoint } from './client-per-endpoint.js';

export const secretsProvider = clientPerEndpoint(
  'AWS_ENDPOINT_URL_SECRETS_MANAGER',
  () => new SecretsProvider({ awsSdkV3Client: new SecretsManagerClient({}) }),
);
