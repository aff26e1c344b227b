/**
 * The portal's build: Preact (JSX through Vite's own oxc transform, so no
 * Babel), relative asset URLs so the same files work under any path, and
 * the report's Sarabun font files copied beside the bundle (the portal and
 * its preview use the fonts the published report uses).
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url));
const FONTS = new URL('../shared/publish/fonts/', import.meta.url);

/** Emits Sarabun and its licence as fonts/… in the build (no copies kept in web/). */
function sarabunFonts(): Plugin {
  return {
    name: 'acm-sarabun-fonts',
    apply: 'build',
    generateBundle() {
      for (const file of ['Sarabun-Regular.ttf', 'Sarabun-Bold.ttf', 'OFL.txt']) {
        this.emitFile({
          type: 'asset',
          fileName: `fonts/${file}`,
          source: readFileSync(new URL(file, FONTS)),
        });
      }
    },
  };
}

/**
 * The portal may import the domain from shared/, never anything that needs
 * Node: a Node built-in reaching the browser bundle fails the build here
 * rather than at run time in someone's browser.
 */
function noNodeBuiltins(): Plugin {
  return {
    name: 'acm-no-node-builtins',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id.startsWith('node:'))
        this.error(`${importer ?? '?'} imports ${id}, which no browser has`);
      return null;
    },
  };
}

export default defineConfig({
  root: WEB_ROOT,
  base: './',
  publicDir: false,
  plugins: [noNodeBuiltins(), sarabunFonts()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../out/portal', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Fonts stay files (cached once, shared by the preview's iframe), never inlined.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
