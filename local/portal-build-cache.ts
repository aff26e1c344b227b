/**
 * The portal's build, kept on disk between local stacks. A Vite build takes
 * about 3 s of CPU, and every stack test file, browser test file, `npm start`
 * and `chaos` starts a stack with a portal: before, each built its own copy of
 * the same files. The build does not depend on the stack (each stack serves
 * its own config.json beside it), so one build serves every stack until a
 * source changes: the key is a digest of web/, shared/ (the portal imports
 * the domain), the lockfile (Vite, Preact) and the build's own options.
 */

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPortal } from './portal-site.js';
import { PROJECT_ROOT, sourcesDigest } from './sources-digest.js';

export const PORTAL_CACHE_DIR = join(PROJECT_ROOT, 'node_modules/.cache/acm-report-portal');

const PORTAL_SOURCES = {
  folders: ['web', 'shared'],
  files: ['package-lock.json', 'local/portal-site.ts', 'local/portal-build-cache.ts'],
};

export function portalSourcesDigest(root = PROJECT_ROOT): string {
  return sourcesDigest(PORTAL_SOURCES, root).slice(0, 32);
}

export interface CachedPortal {
  /** The built portal's directory (shared: serve it, never write into it). */
  dir: string;
  fromCache: boolean;
}

/** The portal built from the sources as they are now: from the cache, or built and cached. */
export async function cachedPortalBuild(
  log?: (line: string) => void,
  cacheDir = PORTAL_CACHE_DIR,
  digest = portalSourcesDigest(),
  build: (outDir: string, log?: (line: string) => void) => Promise<void> = buildPortal,
): Promise<CachedPortal> {
  const dir = join(cacheDir, digest);
  // A build gets its final name only once whole (renamed into place below).
  if (existsSync(join(dir, 'index.html'))) return { dir, fromCache: true };
  await mkdir(cacheDir, { recursive: true });
  // Built aside and renamed: a stack starting meanwhile finds a whole build or none.
  const partial = `${dir}.${process.pid}.${randomUUID()}.partial`;
  try {
    await build(partial, log);
    await rename(partial, dir);
  } catch (error) {
    // Another stack renamed its own build into place first: the same sources, so the same files.
    if (!existsSync(join(dir, 'index.html'))) throw error;
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return { dir, fromCache: false };
}
