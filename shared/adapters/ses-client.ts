/** One SES v2 client per container (and per local endpoint: client-per-endpoint.ts). */

import { SESv2Client } from '@aws-sdk/client-sesv2';
import { clientPerEndpoint } from './client-per-endpoint.js';

export const sesClient = clientPerEndpoint('AWS_ENDPOINT_URL_SESV2', () => new SESv2Client({}));
