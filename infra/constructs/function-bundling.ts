/**
 * The esbuild settings every function bundle shares, apart from what CDK
 * names itself (format, target, minify): kept free of aws-cdk-lib so the
 * bundle bench and tests build exactly what infra ships.
 */

import type { BuildOptions } from 'esbuild';
import { literalKeyClientAliases } from '../bundling/literal-key-clients.js';
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
 * says why the rest of it is left out). Each SDK client is its copy with
 * literal schema keys, so a bundle keeps only the schemas its commands reach
 * (infra/bundling/literal-schema-keys.ts says why the installed one keeps all).
 */
export function bundleAliases(): Readonly<Record<string, string>> {
  return {
    '@aws-sdk/credential-provider-node': `${REPO_ROOT}functions/common/lambda-credentials.ts`,
    ...literalKeyClientAliases(),
  };
}

/** bundleAliases() and a function's own `extra` as CDK's `esbuildArgs` spells them (`--alias:from=to`). */
export function aliasArgs(extra: Readonly<Record<string, string>> = {}): Record<string, string[]> {
  return {
    '--alias': Object.entries({ ...bundleAliases(), ...extra }).map(
      ([from, to]) => `${from}=${to}`,
    ),
  };
}

/**
 * The same bundle through esbuild's API, for the bench and tests (CDK passes
 * these to the esbuild command line itself). `target` is the caller's: the
 * bench and tests run on the Node they find, Lambda on nodejs22.x.
 */
export function functionBuildOptions(target: string): BuildOptions {
  return {
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target,
    mainFields: MAIN_FIELDS,
    banner: { js: REQUIRE_SHIM },
    alias: { ...bundleAliases() },
    tsconfig: `${REPO_ROOT}tsconfig.json`,
  };
}
