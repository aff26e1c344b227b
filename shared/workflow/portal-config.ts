/**
 * What the portal reads from config.json beside its index.html: one build
 * serves every deployment. The local stack writes it with the local API and
 * its people; CDK writes it with the API, the Cognito hosted UI and the
 * public site's address. It lives in shared/ so that web/ stays a leaf: infra and
 * local write it without importing anything from web/.
 */

export interface PortalIdentity {
  id: string;
  nameTh: string;
  groups: string[];
}

interface CommonConfig {
  apiUrl: string;
  /** The public site (index of published reports), without a trailing slash. */
  publicSiteUrl: string;
  /** The agency this portal serves (the first one a person belongs to, when not set). */
  agencyId?: string;
}

export interface LocalPortalConfig extends CommonConfig {
  mode: 'local';
  /** The people of the local stack: the sign-in page offers them. */
  identities: PortalIdentity[];
  /** The local user pool: the picked person signs in with the local-only password. */
  signIn: { endpoint: string; clientId: string; password: string };
}

export interface CognitoPortalConfig extends CommonConfig {
  mode: 'cognito';
  cognito: {
    /** https://<prefix>.auth.<region>.amazoncognito.com */
    domain: string;
    clientId: string;
  };
}

export type PortalConfig = LocalPortalConfig | CognitoPortalConfig;
