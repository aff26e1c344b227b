/**
 * Every hostile case through `acm-report validate` as a person runs it: a
 * real process over real files, all cases in one run (the command takes
 * any number of files). Refused files exit 1 with their path and code in
 * Thai and English; accepted ones exit 0; nothing crashes, hangs or prints
 * a stack trace or an invisible character.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayValue } from '../../shared/validation/display-value.js';
import type { ValidationProblem } from '../../shared/validation/validation-problem.js';
import { expectProblemsMatch, INVISIBLE_EXCEPT_NEWLINE } from './hostile-assertions.js';
import { expectationFor, HOSTILE_CASES, type HostileCase } from './hostile-cases.js';

const ROOT = join(import.meta.dirname, '../..');

interface FileResult {
  file: string;
  valid: boolean;
  kind: string;
  problems: ValidationProblem[];
}

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/acm-report.mjs'), 'validate', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

const fileOf = new Map<string, string>();
let json: ReturnType<typeof cli>;
let human: ReturnType<typeof cli>;
let acceptedOnly: ReturnType<typeof cli>;
const results = new Map<string, FileResult>();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acm-report-hostile-'));
  for (const c of HOSTILE_CASES) {
    const file = join(dir, c.cliFileName ?? `${c.id}.${c.format}`);
    writeFileSync(file, await c.bytes());
    fileOf.set(c.id, file);
  }
  const files = HOSTILE_CASES.map((c) => fileOf.get(c.id) ?? '');
  json = cli(['--json', ...files]);
  human = cli(files);
  acceptedOnly = cli(
    HOSTILE_CASES.filter((c) => expectationFor(c, 'cli').outcome === 'accept').map(
      (c) => fileOf.get(c.id) ?? '',
    ),
  );
  const parsed = JSON.parse(json.stdout) as { files: FileResult[] };
  for (const entry of parsed.files) results.set(entry.file, entry);
}, 240_000);

describe('acm-report validate on the hostile corpus', () => {
  it('holds at least 100 cases, each with its own file', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(HOSTILE_CASES.map((c) => c.id)).size).toBe(HOSTILE_CASES.length);
    expect(results.size).toBe(HOSTILE_CASES.length);
  });

  it('finishes every run with exit 1 (some refused) or 0 (all accepted), never a crash', () => {
    for (const run of [json, human]) {
      expect(run.signal).toBeNull();
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
    }
    expect(acceptedOnly.code).toBe(0);
    expect(acceptedOnly.stderr).toBe('');
    expect(human.stdout).not.toMatch(/unexpected failure|\n\s+at .+:\d+:\d+/);
  });

  it('prints no invisible character: file names and quoted input are shown escaped', () => {
    for (const run of [json, human, acceptedOnly]) {
      const found = INVISIBLE_EXCEPT_NEWLINE.exec(run.stdout);
      expect(
        found && JSON.stringify(run.stdout.slice(found.index - 40, found.index + 40)),
      ).toBeNull();
    }
  });

  it.each(HOSTILE_CASES.map((c) => [c.id, c] as [string, HostileCase]))('%s', (id, hostile) => {
    // Prepare
    const expected = expectationFor(hostile, 'cli');
    const file = fileOf.get(id) ?? '';

    // Act
    const result = results.get(file);

    // Assess
    expect(result, id).toBeDefined();
    expect(result?.valid, id).toBe(expected.outcome === 'accept');
    expectProblemsMatch(id, expected, result?.problems ?? []);
    const shownName = displayValue(file, 4096);
    if (expected.outcome === 'reject') {
      const first = result?.problems[0];
      expect(human.stdout).toContain(`✗ ${shownName}: `);
      expect(human.stdout).toContain(`[${first?.code}]`);
      expect(human.stdout).toContain(first?.message.th);
      expect(human.stdout).toContain(first?.message.en);
    } else {
      expect(human.stdout).toContain(`✓ ${shownName}: `);
    }
  });
});
