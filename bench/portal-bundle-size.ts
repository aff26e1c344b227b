/**
 * The web portal's build as it ships (Vite, minified): the JavaScript a
 * browser downloads, raw and gzipped, against the 150 KB (gzipped) budget.
 * Fonts are counted apart: they are not script, and the browser caches them.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPortal } from '../local/portal-site.js';

/** Gzipped JavaScript shipped to the browser, in KB (1,000 bytes, as the budget is stated). */
export const PORTAL_JS_BUDGET_KB = 150;
// Absolute: Vite resolves a relative outDir against its root (web/).
const OUT = resolve('out', 'bench', 'portal');

export interface PortalBundleFigures {
  files: Array<{ file: string; rawKB: number; gzipKB: number }>;
  jsRawKB: number;
  jsGzipKB: number;
  cssGzipKB: number;
  fontsKB: number;
  budgetKB: number;
  withinBudget: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const kb = (bytes: number) => bytes / 1000;

export async function runPortalBundleBench(
  log: (line: string) => void,
): Promise<PortalBundleFigures> {
  log('Building the web portal (Vite) …');
  await buildPortal(OUT);
  const files = filesUnder(OUT).map((path) => {
    const bytes = readFileSync(path);
    return {
      file: path.slice(OUT.length + 1),
      rawKB: kb(bytes.length),
      gzipKB: kb(gzipSync(bytes, { level: 9 }).length),
    };
  });
  const sum = (list: typeof files, key: 'rawKB' | 'gzipKB') => list.reduce((n, f) => n + f[key], 0);
  const js = files.filter((f) => f.file.endsWith('.js'));
  const jsGzipKB = sum(js, 'gzipKB');
  return {
    files,
    jsRawKB: sum(js, 'rawKB'),
    jsGzipKB,
    cssGzipKB: sum(
      files.filter((f) => f.file.endsWith('.css')),
      'gzipKB',
    ),
    fontsKB: sum(
      files.filter((f) => f.file.endsWith('.ttf')),
      'rawKB',
    ),
    budgetKB: PORTAL_JS_BUDGET_KB,
    withinBudget: jsGzipKB <= PORTAL_JS_BUDGET_KB,
  };
}

export function printPortalBundleBench(figures: PortalBundleFigures): void {
  console.table(
    figures.files.map((f) => ({
      file: f.file,
      'raw KB': f.rawKB.toFixed(1),
      'gzip KB': f.gzipKB.toFixed(1),
    })),
  );
  console.log(
    `JavaScript shipped to the browser: ${figures.jsRawKB.toFixed(1)} KB raw, ${figures.jsGzipKB.toFixed(1)} KB gzipped — budget ${figures.budgetKB} KB gzipped: ${figures.withinBudget ? 'within' : 'OVER'} (${((figures.jsGzipKB / figures.budgetKB) * 100).toFixed(0)}%)`,
  );
  console.log(
    `CSS ${figures.cssGzipKB.toFixed(1)} KB gzipped; Sarabun fonts ${figures.fontsKB.toFixed(1)} KB (cached, not script)`,
  );
}
