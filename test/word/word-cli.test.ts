/**
 * The CLI on Word files as a person runs it: `import` shows exactly how a
 * .docx was read (the same folder as the typed text gives), `validate`
 * answers a .doc, .odt and .pdf with the reader's own bilingual refusals,
 * and piping `validate` into `head` ends without an EPIPE trace.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, spawnCli } from '../helpers/spawn-cli.js';

const CORPUS = join(ROOT, 'test/fixtures/word');
const work = mkdtempSync(join(tmpdir(), 'word-cli-'));

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('CLI: Word files', () => {
  it('imports an automatically numbered .docx to the files the typed text gives', async () => {
    // Act
    const word = await spawnCli([
      'import',
      join(CORPUS, 'auto-multilevel-two-items-restart.docx'),
      '--out',
      join(work, 'word'),
    ]);
    const typed = await spawnCli([
      'import',
      join(CORPUS, 'two-items.txt'),
      '--out',
      join(work, 'typed'),
    ]);
    // Assess
    expect(word.code, word.stderr).toBe(0);
    expect(typed.code, typed.stderr).toBe(0);
    expect(readJson(join(work, 'word/round.json'))).toEqual(
      readJson(join(work, 'typed/round.json')),
    );
    for (const item of ['items/1.json', 'items/2.json']) {
      expect(readJson(join(work, 'word', item))).toEqual(readJson(join(work, 'typed', item)));
    }
  });

  it.each([
    ['legacy-word-97.doc', 'word.legacyDoc', 'Save As'],
    ['opendocument.odt', 'word.odt', 'LibreOffice Writer'],
    ['exported.pdf', 'word.pdf', '.docx'],
    ['password-protected.docx', 'word.encrypted', 'Remove the password'],
  ])('validate answers %s with %s in Thai and English', async (file, code, fix) => {
    const run = await spawnCli(['validate', join(CORPUS, file)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`[${code}]`);
    expect(run.stdout).toMatch(/[\u0E00-\u0E7F]/);
    expect(run.stdout).toContain(fix);
    expect(run.stdout).not.toContain('not UTF-8');
    expect(run.stderr).toBe('');
  });

  it('names the Word paragraph and quotes it', async () => {
    const run = await spawnCli(['validate', join(CORPUS, 'signature-block.docx')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('paragraph 20 “(นายสมชาย ใจดี)”  [outline.signatureBlock]');
  });

  it('ends quietly when its output is piped into head', () => {
    // Prepare: enough files that the output outlasts `head -n 1`.
    const files = Array.from({ length: 40 }, () => join(CORPUS, 'signature-block.docx'));
    const bin = join(ROOT, 'bin/acm-report.mjs');
    // Act
    const run = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${bin}" validate ${files.map((f) => `"${f}"`).join(' ')} | head -n 1`,
      ],
      {
        encoding: 'utf8',
      },
    );
    // Assess
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
  });
});
