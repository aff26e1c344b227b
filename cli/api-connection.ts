/**
 * Which deployment the CLI talks to, and as whom. In AWS: the API URL and a
 * Cognito ID token (`--token` or ACM_REPORT_TOKEN). Locally (`npm start`):
 * `--as <id>` signs one of the demo people in to the local user pool —
 * refused for any API that is not on this machine.
 */

import { AcmApiClient } from '../shared/adapters/acm-api-client.js';
import { signInWithPassword } from '../shared/adapters/cognito-password-sign-in.js';
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
    const as = options.as;
    return { client: new AcmApiClient(api, () => signInLocally(api, as)), agencyId };
  }
  const token = options.token ?? process.env.ACM_REPORT_TOKEN;
  if (!token)
    throw new UsageError(
      'who are you? give --token <Cognito ID token> (or ACM_REPORT_TOKEN), or --as <id> locally',
    );
  return { client: new AcmApiClient(api, token), agencyId };
}

/**
 * A local person signs in to the local user pool: the local API says where
 * it is and the local-only password (a path that exists only locally).
 */
async function signInLocally(api: string, id: string): Promise<string> {
  const response = await fetch(new URL('/.well-known/acm-report-local-sign-in', api));
  if (!response.ok) throw new UsageError(`${api} is not a local stack that signs people in`);
  const local = (await response.json()) as { endpoint: string; clientId: string; password: string };
  return (await signInWithPassword(local.endpoint, local.clientId, id, local.password)).idToken;
}
