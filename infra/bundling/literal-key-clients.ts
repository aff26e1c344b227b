/**
 * The AWS SDK clients every function bundle takes, each a copy of the
 * installed package whose schema modules have literal keys
 * (literal-schema-keys.ts says why). The copies are esbuild aliases: the
 * esbuild command line CDK runs has no plugins, and an alias is one flag that
 * the CDK build, the bundle bench and the tests all pass alike.
 *
 * A copy sits in node_modules/.cache, so the client's own imports (@smithy/…,
 * @aws-sdk/core) resolve to the very packages the rest of the bundle uses. Its
 * folder is named after the package's version and a hash of the schema
 * sources and of this rewrite, so an upgrade or a change here makes a new copy;
 * it is written under a temporary name and renamed into place, so builds
 * running at once never read half a copy.
 */

import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../constructs/repo-paths.js';
import { literalSchemaKeys } from './literal-schema-keys.js';

/** Bumped whenever the rewrite's output would change, so old copies are not reused. */
const REWRITE_VERSION = 1;
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'acm-report', 'literal-key-clients');
const CLIENT_PREFIX = '@aws-sdk/client-';

/** The SDK clients this project depends on (package.json), by package name. */
export function projectClients(): string[] {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(manifest.dependencies ?? {})
    .filter((name) => name.startsWith(CLIENT_PREFIX))
    .sort();
}

function packageDir(name: string): string {
  return join(REPO_ROOT, 'node_modules', ...name.split('/'));
}

function schemaFiles(dir: string): string[] {
  const schemas = join(dir, 'dist-es', 'schemas');
  if (!existsSync(schemas)) return [];
  return readdirSync(schemas)
    .filter((file) => /^schemas_\d+\.js$/.test(file))
    .sort()
    .map((file) => join(schemas, file));
}

/** Where `name`'s copy lives: one folder per version, schema sources and rewrite. */
function copyDirOf(name: string, source: string): string {
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as {
    version: string;
  };
  const hash = createHash('sha256').update(`rewrite ${REWRITE_VERSION}\n`);
  for (const file of schemaFiles(source)) hash.update(readFileSync(file));
  const short = hash.digest('hex').slice(0, 12);
  return join(CACHE_DIR, `${name.slice('@aws-sdk/'.length)}-${version}-${short}`);
}

/**
 * The copy of client `name` with literal schema keys, made if it is missing;
 * undefined if the package has no schema modules to rewrite.
 */
export function literalKeyClient(name: string): string | undefined {
  const source = packageDir(name);
  if (schemaFiles(source).length === 0) return undefined;
  const target = copyDirOf(name, source);
  if (existsSync(join(target, 'package.json'))) return target;
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.${process.pid}.${Date.now()}`;
  // Only what an ESM bundle reads: package.json (its main fields, the version
  // in the user agent) and dist-es; not the CommonJS build or the types.
  cpSync(join(source, 'dist-es'), join(staging, 'dist-es'), { recursive: true });
  cpSync(join(source, 'package.json'), join(staging, 'package.json'));
  for (const file of schemaFiles(staging)) {
    writeFileSync(file, literalSchemaKeys(readFileSync(file, 'utf8'), file).text);
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another build renamed its identical copy into place first.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(target, 'package.json'))) throw error;
  }
  return target;
}

let aliases: Readonly<Record<string, string>> | undefined;

/** Import path → copy, as esbuild's `alias` option takes it, for every client of the project. */
export function literalKeyClientAliases(): Readonly<Record<string, string>> {
  aliases ??= Object.fromEntries(
    projectClients().flatMap((name) => {
      const copy = literalKeyClient(name);
      return copy ? [[name, copy]] : [];
    }),
  );
  return aliases;
}
