/**
 * The CLI runs compiled JavaScript (dist/, built by `npm ci`'s prepare
 * script) and each command loads only what it uses: the modules a process
 * resolves are recorded through Node's module hooks (module-log/). And the
 * packed package works outside a checkout, with no TypeScript source and no
 * tsx beside it.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SEED = join(ROOT, 'events/seed');
const MODULE_LOG = join(import.meta.dirname, 'module-log/register.mjs');

/** Runs the checkout's bin and returns the module URLs it resolved. */
function modulesLoadedBy(...args: string[]): { code: number | null; modules: string[] } {
  const log = join(mkdtempSync(join(tmpdir(), 'acm-report-modules-')), 'modules.txt');
  const run = spawnSync(
    process.execPath,
    ['--import', MODULE_LOG, join(ROOT, 'bin/acm-report.mjs'), ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MODULE_LOG: log } },
  );
  const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { code: run.status, modules };
}

const HEAVY = ['/node_modules/pdfkit/', '/node_modules/aws-cdk-lib/', '/node_modules/@aws-sdk/'];
const loads = (modules: string[], part: string) => modules.some((url) => url.includes(part));

describe('acm-report runs compiled JavaScript', () => {
  it('validates a submission from dist/ without tsx, TypeScript, the SDK, CDK or pdfkit', () => {
    const { code, modules } = modulesLoadedBy('validate', join(SEED, 'items/3.json'));
    expect(code).toBe(0);
    expect(loads(modules, '/dist/acm-report.mjs')).toBe(true);
    expect(modules.filter((url) => url.endsWith('.ts'))).toEqual([]);
    expect(loads(modules, '/node_modules/tsx/')).toBe(false);
    for (const heavy of HEAVY) expect(loads(modules, heavy)).toBe(false);
    expect(loads(modules, '/local/')).toBe(false);
  });

  it('prints help without loading any command', () => {
    const { code, modules } = modulesLoadedBy('schemas', '--help');
    expect(code).toBe(0);
    expect(modules.filter((url) => /-command-[A-Z0-9]+\.mjs$/.test(url))).toEqual([]);
  });

  it('loads pdfkit for a PDF, and only then', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'acm-report-pdf-')), 'report.pdf');
    const pdf = modulesLoadedBy('render', '--in', SEED, '--format', 'pdf', '--out', out);
    expect(pdf.code).toBe(0);
    expect(loads(pdf.modules, '/node_modules/pdfkit/')).toBe(true);
    const text = modulesLoadedBy('render', '--in', SEED, '--format', 'text');
    expect(text.code).toBe(0);
    expect(loads(text.modules, '/node_modules/pdfkit/')).toBe(false);
  });
});

describe('acm-report as a packed package', () => {
  it('works installed outside the checkout: validate, render text and PDF; start says what it needs', () => {
    // Prepare: pack (dist/ is already built by the global setup), then lay the
    // tarball out as npm installs a package: node_modules/acm-report and its
    // bin. Its dependencies are linked from the checkout rather than fetched:
    // a real install would download the whole production tree (aws-cdk-lib …).
    const where = mkdtempSync(join(tmpdir(), 'acm-report-installed-'));
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', where], {
      cwd: ROOT,
    });
    const tarball = readdirSync(where).find((file) => file.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack wrote no tarball');
    const installed = join(where, 'node_modules/acm-report');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(where, tarball), '-C', installed, '--strip-components=1']);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies)) {
      if (dependency === 'tsx') continue; // Offline commands must not need it.
      const link = join(where, 'node_modules', dependency);
      mkdirSync(join(link, '..'), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', dependency), link, 'dir');
    }
    const bin = join(installed, 'bin/acm-report.mjs');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], { cwd: where, encoding: 'utf8' });

    // Act
    const validate = run('validate', join(SEED, 'items/3.json'));
    const text = run('render', '--in', SEED, '--format', 'text', '--no-summary');
    const pdf = run('render', '--in', SEED, '--format', 'pdf', '--out', join(where, 'r.pdf'));
    const start = run('start');

    // Assess
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'dist', 'package.json']);
    expect(validate.status, validate.stderr).toBe(0);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('๑.๑ วัตถุประสงค์');
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(readFileSync(join(where, 'r.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(start.status).toBe(2);
    expect(start.stderr).toContain('checkout');
  });
});
