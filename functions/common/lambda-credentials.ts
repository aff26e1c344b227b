/**
 * The credentials every bundled function signs with: Lambda hands its role's
 * keys to the function in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN, the first place the SDK's default chain looks. The rest
 * of that chain (shared config files, SSO, web identity, a process, the
 * instance and container metadata endpoints) can never answer first there,
 * yet it is a third of a small function's bundle and its import time: its
 * STS, SSO and sign-in clients are bundled whole. So the bundler puts this
 * module in place of `@aws-sdk/credential-provider-node`
 * (infra/constructs/function-bundling.ts); it exports the one name the
 * clients import from it. Tests and the local stack run the sources and keep
 * the full chain.
 */

import { type FromEnvInit, fromEnv } from '@aws-sdk/credential-provider-env';

/** What the clients call as `credentialDefaultProvider`: the environment's keys, or a CredentialsProviderError. */
export const defaultProvider = (init?: FromEnvInit) => fromEnv(init);
