/** One Step Functions client per container (and per local endpoint: client-per-endpoint.ts), created on first use. */

import { SFNClient } from '@aws-sdk/client-sfn';
import { clientPerEndpoint } from './client-per-endpoint.js';

export const sfnClient = clientPerEndpoint('AWS_ENDPOINT_URL_SFN', () => new SFNClient({}));
