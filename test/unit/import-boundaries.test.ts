/**
 * Which folder may import which (the handbook's dependency direction):
 * infra → functions → shared, never back; local/ and cli/ never import each
 * other (`start` and `chaos` are entry points of local/ that bin/, the
 * launcher, runs); web/ is a leaf that nothing outside it imports. Every
 * relative import in the project's sources is read and checked.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SOURCE_FOLDERS = ['shared', 'functions', 'infra', 'local', 'cli', 'web', 'bin', 'bench'];
const IMPORT =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Every relative import as [importing folder, imported folder, file, specifier]. */
function imports(): Array<{ from: string; to: string; file: string }> {
  const found: Array<{ from: string; to: string; file: string }> = [];
  for (const folder of SOURCE_FOLDERS) {
    const files = readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).filter(
      (path) => /\.(ts|tsx|mjs)$/.test(path) && !path.includes('node_modules'),
    );
    for (const path of files) {
      const file = join(ROOT, folder, path);
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? '';
        const target = relative(ROOT, resolve(dirname(file), specifier));
        found.push({ from: folder, to: target.split('/')[0] ?? '', file: relative(ROOT, file) });
      }
    }
  }
  return found;
}

const offending = (from: string, forbidden: string[]) =>
  imports()
    .filter((i) => i.from === from && forbidden.includes(i.to))
    .map((i) => `${i.file} → ${i.to}/`);

describe('Import boundaries', () => {
  it('finds the imports it checks', () => {
    expect(imports().length).toBeGreaterThan(100);
  });

  it('keeps shared/ free of every other layer', () => {
    expect(offending('shared', ['functions', 'infra', 'local', 'cli', 'web'])).toEqual([]);
  });

  it('keeps functions/ free of infra/, local/, cli/ and web/', () => {
    expect(offending('functions', ['infra', 'local', 'cli', 'web'])).toEqual([]);
  });

  it('never imports cli/ from local/', () => {
    expect(offending('local', ['cli', 'web'])).toEqual([]);
  });

  it('never imports local/ from cli/', () => {
    expect(offending('cli', ['local', 'web'])).toEqual([]);
  });

  it('keeps web/ a leaf: nothing outside it imports it', () => {
    const intoWeb = imports()
      .filter((i) => i.from !== 'web' && i.to === 'web')
      .map((i) => i.file);
    expect(intoWeb).toEqual([]);
  });
});
