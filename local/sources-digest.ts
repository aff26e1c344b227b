/**
 * A digest of the sources something local is built from (the stack's
 * template, the portal's bundle), so a build kept on disk is used only while
 * none of them has changed.
 */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Every file under `folders` and each of `files` (paths relative to `root`): names and contents. */
export function sourcesDigest(
  sources: { folders: readonly string[]; files: readonly string[] },
  root = PROJECT_ROOT,
): string {
  const hash = createHash('sha256');
  const paths = [
    ...sources.folders.flatMap((folder) => filesUnder(join(root, folder))),
    ...sources.files.map((file) => join(root, file)),
  ];
  for (const path of paths) {
    hash.update(path.slice(root.length));
    hash.update('\0');
    try {
      hash.update(readFileSync(path));
    } catch {
      hash.update('(missing)');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}
