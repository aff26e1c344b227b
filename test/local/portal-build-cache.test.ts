/**
 * The portal's build is made once per set of sources and then shared by
 * every stack (local/portal-build-cache.ts): a second stack finds it, two
 * stacks starting together leave one whole build, a failed build leaves
 * nothing behind, and a changed source builds afresh.
 */

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedPortalBuild, portalSourcesDigest } from '../../local/portal-build-cache.js';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'acm-report-portal-cache-'));
  made.push(dir);
  return dir;
}

/** A stand-in for Vite (the real build is what the stack and browser tests serve): counts its builds. */
function fakeBuild() {
  const builds: string[] = [];
  return {
    builds,
    async build(outDir: string) {
      builds.push(outDir);
      await mkdir(join(outDir, 'assets'), { recursive: true });
      await writeFile(join(outDir, 'assets', 'app.js'), `// build ${builds.length}`);
      // A little later, as a real build's last files are.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await writeFile(join(outDir, 'index.html'), `<!doctype html><p>build ${builds.length}`);
    },
  };
}

describe('the portal build cache', () => {
  it('builds once for a set of sources, then every stack gets that build', async () => {
    const cache = await scratch();
    const fake = fakeBuild();
    const first = await cachedPortalBuild(undefined, cache, 'digest-a', fake.build);
    const second = await cachedPortalBuild(undefined, cache, 'digest-a', fake.build);
    expect(first).toEqual({ dir: join(cache, 'digest-a'), fromCache: false });
    expect(second).toEqual({ dir: join(cache, 'digest-a'), fromCache: true });
    expect(fake.builds).toHaveLength(1);
    expect(await readFile(join(second.dir, 'index.html'), 'utf8')).toContain('build 1');
  });

  it('leaves one whole build when two stacks start together, and no partial ones', async () => {
    const cache = await scratch();
    const fake = fakeBuild();
    const both = await Promise.all([
      cachedPortalBuild(undefined, cache, 'digest-b', fake.build),
      cachedPortalBuild(undefined, cache, 'digest-b', fake.build),
    ]);
    expect(both.map((b) => b.dir)).toEqual([join(cache, 'digest-b'), join(cache, 'digest-b')]);
    expect(await readdir(cache)).toEqual(['digest-b']);
    expect((await readdir(join(cache, 'digest-b'))).sort()).toEqual(['assets', 'index.html']);
  });

  it('keeps nothing of a failed build, and says why it failed', async () => {
    const cache = await scratch();
    const failing = async (outDir: string) => {
      await mkdir(outDir, { recursive: true });
      await writeFile(join(outDir, 'half.js'), '');
      throw new Error('web/src/main.tsx: unexpected token');
    };
    await expect(cachedPortalBuild(undefined, cache, 'digest-c', failing)).rejects.toThrow(
      'unexpected token',
    );
    expect(await readdir(cache)).toEqual([]);
  });

  it('builds afresh when a source of the portal changes', async () => {
    const root = await scratch();
    await mkdir(join(root, 'web/src'), { recursive: true });
    await mkdir(join(root, 'shared'), { recursive: true });
    await writeFile(join(root, 'web/src/main.tsx'), 'render(<App />)');
    await writeFile(join(root, 'shared/round.ts'), 'export const x = 1;');
    const before = portalSourcesDigest(root);
    await writeFile(join(root, 'shared/round.ts'), 'export const x = 2;');
    const after = portalSourcesDigest(root);
    expect(after).not.toBe(before);
    expect(portalSourcesDigest(root)).toBe(after);
  });
});
