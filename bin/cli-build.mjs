#!/usr/bin/env node
// Compiles the CLI to plain JavaScript in dist/ with esbuild, so no command a
// person runs pays for a TypeScript loader. `npm ci` runs this through the
// `prepare` script (and `npm pack` before packing), so there is no extra
// set-up step; the bin rebuilds here when a source is newer than the build.
//
// One ESM bundle with code splitting: every command is its own chunk, loaded
// by the action that needs it. zod and commander, which every command loads,
// and saxes (the Word reader's XML parser), are bundled in: one file parses faster than resolving
// and reading each of their many modules. Other packages stay external: they are installed beside
// the package, load only in the commands that use them, and some (pdfkit)
// read data files next to their own modules. `start` and `chaos` are not in it: they are entry points of local/,
// which runs the local stack, which imports each Lambda handler by path and lets CDK and Vite
// read TypeScript, so the bin runs those two from the sources through tsx.
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const ENTRY = join(DIST, 'acm-report.mjs');
const INPUTS_FILE = 'build-inputs.json';
const SOURCE_ENTRY = join(ROOT, 'cli/acm-report.ts');
const FONTS = join(ROOT, 'shared/publish/fonts');
const FONT_FILES = ['Sarabun-Regular.ttf', 'Sarabun-Bold.ttf', 'OFL.txt'];

/** Commands that run the local stack from the sources (see above). */
export const LOCAL_STACK_COMMANDS = ['start', 'chaos'];

const BUNDLED_PACKAGES = new Set(['zod', 'commander', 'saxes']);
const BARE_SPECIFIER = /^[^./]/;

const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const chooseWhatToBundle = {
  name: 'choose-what-to-bundle',
  setup(build) {
    // What a bundled package imports is bundled with it.
    build.onResolve({ filter: BARE_SPECIFIER }, (args) =>
      BUNDLED_PACKAGES.has(packageName(args.path)) || args.importer.includes('/node_modules/')
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * Builds into a fresh folder and swaps it in, so a process that starts the
 * CLI meanwhile sees either the old build or the new one, never half of one.
 */
export async function buildCli() {
  const { build } = await import('esbuild');
  const staging = `${DIST}.building-${process.pid}-${Date.now()}`;
  const startedAt = Date.now();
  const result = await build({
    entryPoints: { 'acm-report': SOURCE_ENTRY },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
    plugins: [chooseWhatToBundle],
    // commander is CommonJS: its require('node:events') needs a require in ESM.
    banner: {
      js: "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);",
    },
  });
  // sarabun-fonts.ts finds the fonts beside its module, which is now a chunk.
  mkdirSync(join(staging, 'chunks/fonts'), { recursive: true });
  for (const file of FONT_FILES)
    copyFileSync(join(FONTS, file), join(staging, 'chunks/fonts', file));
  const inputs = Object.keys(result.metafile.inputs).filter(
    (path) => !path.includes('node_modules/'),
  );
  writeFileSync(join(staging, INPUTS_FILE), `${JSON.stringify({ startedAt, inputs }, null, 1)}\n`);
  const retired = `${DIST}.retired-${process.pid}-${Date.now()}`;
  try {
    renameSync(DIST, retired);
  } catch {
    // No build yet, or another process is swapping its own in.
  }
  try {
    renameSync(staging, DIST);
  } catch {
    // Another process put an equally fresh build in place first.
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(retired, { recursive: true, force: true });
  return { inputs: inputs.length, ms: Date.now() - startedAt };
}

/**
 * Whether dist/ holds a build of the sources as they are now. Without the
 * sources (an installed package) the shipped build is the one to run.
 */
export function isBuildFresh() {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(join(DIST, INPUTS_FILE), 'utf8'));
  } catch {
    return false;
  }
  try {
    statSync(SOURCE_ENTRY);
  } catch {
    return true;
  }
  return recorded.inputs.every((path) => {
    try {
      return statSync(join(ROOT, path)).mtimeMs < recorded.startedAt;
    } catch {
      return false;
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { inputs, ms } = await buildCli();
  console.error(
    `Built the CLI into ${relative(process.cwd(), DIST) || '.'}/ (${inputs} modules, ${ms} ms)`,
  );
}
