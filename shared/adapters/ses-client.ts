/** One SES v2 client per container, created on first use. */

import { SESv2Client } from '@aws-sdk/client-sesv2';

let ses: SESv2Client | undefined;

export function sesClient(): SESv2Client {
  ses ??= new SESv2Client({});
  return ses;
}
