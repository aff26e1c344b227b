/**
 * The suite's layout in vitest.config.ts stays true as files are added: a
 * test file that starts a whole embedded stack runs in the two-at-a-time
 * stack project, and one that drives Chromium is listed as a browser file of
 * that project (whose global setup installs Chromium first), never among the
 * parallel unit tests.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_FILES, HANDLER_TESTS, STACK_FILES } from '../../vitest.config.js';

const ROOT = join(import.meta.dirname, '../..');
const STARTS_A_STACK = /\b(startLocalStack|runChaos)\(/;
const DRIVES_CHROMIUM = /\blaunchChromium\(/;
/** A static or dynamic import of a function's handler module. */
const IMPORTS_A_HANDLER = /functions\/[a-z0-9-]+\/handler(\.js)?['`]/;
/** The handler tests' folder, `test/functions/`. */
const HANDLER_FOLDER = HANDLER_TESTS.slice(0, HANDLER_TESTS.indexOf('**'));

function testFiles(): string[] {
  return readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.test.ts'))
    .map((path) => relative(ROOT, join(ROOT, 'test', path)).replaceAll('\\', '/'))
    .sort();
}

describe('Suite layout', () => {
  it('runs every file that starts an embedded stack in the stack project', () => {
    const starting = testFiles().filter((file) =>
      STARTS_A_STACK.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(starting.length).toBeGreaterThan(0);
    const parallel = starting.filter(
      (file) => !STACK_FILES.includes(file) && !BROWSER_FILES.includes(file),
    );
    expect(parallel).toEqual([]);
  });

  it('lists every file that drives Chromium as a browser file', () => {
    const driving = testFiles().filter((file) =>
      DRIVES_CHROMIUM.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(driving.length).toBeGreaterThan(0);
    expect(driving.filter((file) => !BROWSER_FILES.includes(file))).toEqual([]);
  });

  it('runs every file that imports a handler in the handlers project, with module instances of its own', () => {
    const importing = testFiles().filter((file) =>
      IMPORTS_A_HANDLER.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(importing.length).toBeGreaterThan(0);
    expect(importing.filter((file) => !file.startsWith(HANDLER_FOLDER))).toEqual([]);
  });

  it('lists only files that exist', () => {
    const files = testFiles();
    expect([...STACK_FILES, ...BROWSER_FILES].filter((file) => !files.includes(file))).toEqual([]);
  });
});
