/** One Step Functions client per container, created on first use. */

import { SFNClient } from '@aws-sdk/client-sfn';

let sfn: SFNClient | undefined;

export function sfnClient(): SFNClient {
  sfn ??= new SFNClient({});
  return sfn;
}
