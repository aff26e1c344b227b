/**
 * esbuild aliases for every bundle that renders a PDF (the publish function
 * and the PDF bench, which measures what ships): modules pdfkit and fontkit
 * load for what the report never uses, swapped for stubs that fail by name,
 * and a trie that is inflated when first read. A fresh process loads about
 * 500 KiB less and skips three tries (see the stubs for each reason).
 */

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const stub = (name: string) => fileURLToPath(new URL(`./stubs/${name}`, import.meta.url));
const require = createRequire(import.meta.url);

/** Import path → file, as esbuild's `alias` option takes it. */
export const PDF_BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  'brotli/decompress.js': stub('no-brotli.mjs'),
  linebreak: stub('no-linebreak.mjs'),
  'unicode-trie': stub('lazy-unicode-trie.mjs'),
  // The real unicode-trie, under a name the alias above does not catch, for the lazy one to wrap.
  '@acm-report/eager-unicode-trie': require.resolve('unicode-trie'),
};

/** The same aliases as esbuild command-line arguments (CDK's `esbuildArgs`). */
export const PDF_BUNDLE_ESBUILD_ARGS = {
  '--alias': Object.entries(PDF_BUNDLE_ALIASES).map(([from, to]) => `${from}=${to}`),
};
