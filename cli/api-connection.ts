/**
 * Which deployment the CLI talks to, and as whom. In AWS: the API URL and a
 * Cognito ID token (`--token` or ACM_REPORT_TOKEN). Locally (`npm start`):
 * `--as <id>` names one of the demo identities — refused for any API that is
 * not on this machine, so a local identity can never be aimed at a deployment.
 */

import { AcmApiClient } from '../shared/adapters/acm-api-client.js';
import { UsageError } from './usage-error.js';

export interface ConnectionOptions {
  api?: string;
  token?: string;
  as?: string;
  agency?: string;
}

export interface Connection {
  client: AcmApiClient;
  agencyId: string;
}

function isLocal(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function connect(options: ConnectionOptions): Connection {
  const api = options.api ?? process.env.ACM_REPORT_API;
  if (!api)
    throw new UsageError(
      'which API? give --api <url> or set ACM_REPORT_API (npm start prints the local one)',
    );
  let url: URL;
  try {
    url = new URL(api);
  } catch {
    throw new UsageError(`--api ${api} is not a URL`);
  }
  const agencyId = options.agency ?? process.env.ACM_REPORT_AGENCY;
  if (!agencyId)
    throw new UsageError('which agency? give --agency <code> or set ACM_REPORT_AGENCY');
  if (options.as) {
    if (!isLocal(url)) {
      throw new UsageError(
        '--as names a local demo identity and works only against the local stack (127.0.0.1)',
      );
    }
    return { client: new AcmApiClient(api, `local:${options.as}`), agencyId };
  }
  const token = options.token ?? process.env.ACM_REPORT_TOKEN;
  if (!token)
    throw new UsageError(
      'who are you? give --token <Cognito ID token> (or ACM_REPORT_TOKEN), or --as <id> locally',
    );
  return { client: new AcmApiClient(api, token), agencyId };
}
