/**
 * The renderer bundled as the publish function bundles it (esbuild's command
 * line, with the aliases CDK passes): the modules left out are not in the
 * bundle, and the bundle renders the seed report to the same bytes as the
 * sources do.
 */

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PDF_BUNDLE_ESBUILD_ARGS } from '../../infra/bundling/pdf-bundle-aliases.js';
import { renderReportPdf } from '../../shared/publish/render-report-pdf.js';
import { seedReport } from '../helpers/seed-round.js';

const OUT = resolve('out', 'test-pdf-bundle');

interface Metafile {
  inputs: Record<string, unknown>;
}

/** Bundles the renderer with esbuild's CLI, as CDK renders `esbuildArgs` (`--alias:from=to`). */
function bundleRenderer(): { module: string; inputs: string[] } {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const module = join(OUT, 'index.mjs');
  const metafile = join(OUT, 'meta.json');
  execFileSync(
    resolve('node_modules', '.bin', 'esbuild'),
    [
      '--bundle',
      'shared/publish/render-report-pdf.ts',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--main-fields=module,main',
      `--outfile=${module}`,
      `--metafile=${metafile}`,
      '--log-level=error',
      "--banner:js=import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      ...PDF_BUNDLE_ESBUILD_ARGS['--alias'].map((alias) => `--alias:${alias}`),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // The renderer reads Sarabun beside its module, as the function ships it.
  cpSync('shared/publish/fonts', join(OUT, 'fonts'), { recursive: true });
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile;
  return { module, inputs: Object.keys(meta.inputs) };
}

describe('the PDF bundle', () => {
  it('leaves out brotli and linebreak, and renders the seed report to the bytes the sources render', async () => {
    // Prepare
    const report = seedReport();
    const fromSources = await renderReportPdf(report);

    // Act
    const { module, inputs } = bundleRenderer();
    const bundled = (await import(pathToFileURL(module).href)) as {
      renderReportPdf: typeof renderReportPdf;
    };
    const fromBundle = await bundled.renderReportPdf(report);

    // Assess
    expect(inputs.filter((path) => /node_modules\/(brotli|linebreak)\//.test(path))).toEqual([]);
    expect(inputs.some((path) => path.endsWith('stubs/lazy-unicode-trie.mjs'))).toBe(true);
    expect(inputs).toContain('node_modules/unicode-trie/index.js');
    expect(fromBundle.byteLength).toBeGreaterThan(50_000);
    expect(Buffer.from(fromBundle).equals(Buffer.from(fromSources))).toBe(true);
  });
});
