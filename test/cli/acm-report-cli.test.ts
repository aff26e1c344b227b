/**
 * The CLI as a person runs it: a real process, real files, exit codes
 * 0 (valid), 1 (invalid) and 2 (usage).
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SEED_FOLDER,
  SEED_TEXT_PATH,
  seedRoundJson,
  seedSubmissionJson,
} from '../helpers/seed-round.js';

const ROOT = join(import.meta.dirname, '../..');
const INVALID = join(ROOT, 'test/fixtures/invalid-submissions');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/acm-report.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'acm-report-cli-'));
}

describe('acm-report validate', () => {
  it('exits 0 for a valid submission', () => {
    const run = cli('validate', join(SEED_FOLDER, 'items/3.json'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('valid submission');
  });

  it('exits 1 and prints path, Thai, English and fix for an invalid one', () => {
    const run = cli('validate', join(INVALID, '16-budget-three-decimals.json'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('$.budgetUsed');
    expect(run.stdout).toContain('ทศนิยมเกิน ๒ ตำแหน่ง');
    expect(run.stdout).toContain('more than two decimal places');
    expect(run.stdout).toContain('Fix: Round it to satang');
  });

  it('prints machine-readable problems with --json', () => {
    const run = cli('validate', join(INVALID, '01-missing-progress.json'), '--json');
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout);
    expect(output.valid).toBe(false);
    expect(output.problems).toEqual([
      expect.objectContaining({
        path: '$.progress',
        code: 'value.required',
        message: expect.objectContaining({ th: expect.stringContaining('progress') }),
      }),
    ]);
  });

  it('validates an outline text file and reports its notices', () => {
    const run = cli('validate', SEED_TEXT_PATH, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).notices).toHaveLength(3);
  });

  it('validates a whole round folder', () => {
    expect(cli('validate', SEED_FOLDER).code).toBe(0);
  });

  it('names the file and line of a broken outline', () => {
    const dir = scratch();
    const broken = readFileSync(SEED_TEXT_PATH, 'utf8').replace('๓.๓ งบประมาณที่ใช้ดำเนินงาน', '');
    writeFileSync(join(dir, 'broken.txt'), broken);
    const run = cli('validate', join(dir, 'broken.txt'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/line \d+/);
    expect(run.stdout).toContain('ขาดหัวข้อ ๓.๓ งบประมาณที่ใช้ดำเนินงาน');
    expect(run.stdout).toContain('lacks the section ๓.๓');
  });

  it('exits 2 for a missing file, a missing argument or an unknown option', () => {
    expect(cli('validate', 'no/such/file.json').code).toBe(2);
    expect(cli('validate').code).toBe(2);
    expect(cli('validate', SEED_TEXT_PATH, '--frobnicate').code).toBe(2);
    expect(cli('no-such-command').code).toBe(2);
  });

  it('exits 0 for --help and explains the exit codes', () => {
    const run = cli('validate', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exit status: 0 valid, 1 invalid, 2 usage error.');
  });
});

describe('acm-report import and render', () => {
  it('imports the seed into round.json and one file per item, equal to the fixtures', () => {
    const out = scratch();
    // The seed text names no division, so the import writes none: the demo
    // round's division names are the coordinator's to add, never invented.
    const { divisions: _namedInTheDemoOnly, ...round } = seedRoundJson() as {
      agency: { id: string; nameTh: string; nameEn: string };
      divisions?: unknown;
    };
    const run = cli(
      'import',
      SEED_TEXT_PATH,
      '--out',
      out,
      '--agency',
      round.agency.id,
      '--agency-name',
      round.agency.nameTh,
      '--agency-name-en',
      round.agency.nameEn,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Imported 6 plan item(s)');
    expect(JSON.parse(readFileSync(join(out, 'round.json'), 'utf8'))).toEqual(round);
    for (const no of [1, 2, 3, 4, 5, 6]) {
      expect(JSON.parse(readFileSync(join(out, `items/${no}.json`), 'utf8'))).toEqual(
        seedSubmissionJson(no),
      );
    }
  });

  it('renders the seed folder as text with Thai numbering and the summary', () => {
    const out = join(scratch(), 'report.txt');
    const run = cli('render', '--in', SEED_FOLDER, '--format', 'text', '--out', out);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('๕.๒.๒ เปิดให้ภาคส่วนต่าง ๆ');
    expect(text).toContain('๓.๑) พลเมืองเคลื่อนรัฐ');
    expect(text).toContain('งบประมาณที่ใช้ดำเนินงานรวม ๒๓,๙๖๓,๕๓๕ บาท');
  });

  it('renders the report document as JSON', () => {
    const run = cli('render', '--in', SEED_FOLDER, '--format', 'json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.type).toBe('report');
    expect(report.rollup.budgetUsed).toBe('23963535');
  });

  it('exits 2 for a format it does not know, naming the ones it does', () => {
    const run = cli('render', '--in', SEED_FOLDER, '--format', 'docx');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format docx is not available');
  });

  it('refuses to import a text without plan items, writing nothing', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'title-only.txt'), 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน\n');
    const run = cli('import', join(dir, 'title-only.txt'), '--out', join(dir, 'out'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing was written');
  });
});

describe('acm-report schemas', () => {
  it('writes a JSON Schema per document type', () => {
    const out = scratch();
    expect(cli('schemas', '--out', out).code).toBe(0);
    for (const type of ['round', 'submission', 'report']) {
      const schema = JSON.parse(readFileSync(join(out, `${type}.schema.json`), 'utf8'));
      expect(schema.$id).toBe(`urn:acm-report:schema:v1:${type}`);
    }
  });
});
