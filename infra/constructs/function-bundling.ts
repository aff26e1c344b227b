/**
 * The esbuild settings every function bundle shares, apart from what CDK
 * names itself (format, target, minify): kept free of aws-cdk-lib so the
 * bundle bench and tests build exactly what infra ships.
 */

import { REPO_ROOT } from './repo-paths.js';

/**
 * CommonJS dependencies (saxes, pdfkit) call require() for Node built-ins;
 * an ESM bundle has no require unless it is made here.
 */
export const REQUIRE_SHIM =
  "import { createRequire as __acmCreateRequire } from 'node:module'; const require = __acmCreateRequire(import.meta.url);";

/** ESM entries first: esbuild tree-shakes ES modules, not CommonJS. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * Packages replaced in every bundle. In Lambda the SDK's default credential
 * chain always answers from the environment (functions/common/lambda-credentials.ts
 * says why the rest of it is left out).
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': `${REPO_ROOT}functions/common/lambda-credentials.ts`,
};

/** BUNDLE_ALIASES as CDK's `esbuildArgs` spells them (`--alias:from=to`, one per item). */
export function aliasArgs(): Record<string, string[]> {
  return {
    '--alias': Object.entries(BUNDLE_ALIASES).map(([from, to]) => `${from}=${to}`),
  };
}
