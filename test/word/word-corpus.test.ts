/**
 * Every file of the Word corpus (test/fixtures/word, made as staff make
 * them: see its README) through the reader intake uses. An accepted file
 * imports to exactly what the same report typed as text imports to (every
 * section, point, level and paragraph), with exactly the notices listed for
 * it; a refused one gives its exact code, in Thai and English, with a fix.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../shared/adapters/docx-reader.js';
import {
  type ImportedRound,
  importReportOutline,
} from '../../shared/outline/import-report-outline.js';
import type { ValidationProblem } from '../../shared/validation/validation-problem.js';
import type { Expectation } from '../fixtures/word/generator/hand-written-variants.js';
import { SEED_TEXT_PATH } from '../helpers/seed-round.js';

const CORPUS = join(import.meta.dirname, '../fixtures/word');
const corpus = JSON.parse(readFileSync(join(CORPUS, 'corpus.json'), 'utf8')) as Array<{
  name: string;
  expect: Expectation;
}>;

const TYPED: Record<string, string> = {
  'one-item': join(CORPUS, 'one-item.txt'),
  'two-items': join(CORPUS, 'two-items.txt'),
  'template-filled': join(CORPUS, 'template-filled.txt'),
  seed: SEED_TEXT_PATH,
};

function typedImport(kind: string): Extract<ImportedRound, { ok: true }> {
  const imported = importReportOutline(readFileSync(TYPED[kind] ?? '', 'utf8'));
  if (!imported.ok) throw new Error(`the typed text ${kind} does not import`);
  return imported;
}

async function importWord(name: string) {
  const read = await readDocx(new Uint8Array(readFileSync(join(CORPUS, name))));
  return { read, imported: read.ok ? importReportOutline(read.value) : undefined };
}

function expectBilingual(problem: ValidationProblem): void {
  expect(problem.message.th).toMatch(/[\u0E00-\u0E7F]/);
  expect(problem.fix.th).toMatch(/[\u0E00-\u0E7F]/);
  expect(problem.message.en).toMatch(/^[\x20-\x7E“”"…–\u0E00-\u0E7F]+$/);
  expect(problem.fix.en).toMatch(/[A-Za-z]{3}/);
}

const accepted = corpus.filter((f) => 'accept' in f.expect);
const refused = corpus.filter((f) => 'refuse' in f.expect);

describe('Word corpus', () => {
  it('holds at least 40 files, accepted and refused', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(accepted.length).toBeGreaterThanOrEqual(25);
    expect(refused.length).toBeGreaterThanOrEqual(10);
  });

  it.each(accepted)('$name imports exactly as the same report typed as text', async (file) => {
    // Prepare
    const expectation = file.expect as Extract<Expectation, { accept: string }>;
    const typed = typedImport(expectation.accept);
    // Act
    const { read, imported } = await importWord(file.name);
    // Assess
    expect(read.problems).toEqual([]);
    if (!imported?.ok) throw new Error(JSON.stringify(imported?.problems.map((p) => p.message.en)));
    expect(imported.submissions).toEqual(typed.submissions);
    expect(imported.round).toEqual(typed.round);
    if (expectation.accept !== 'seed') {
      // Automatic numbers must come out as Word shows them: a slip would be a notice.
      expect(imported.notices.map((n) => n.code)).toEqual(expectation.notices ?? []);
    }
    for (const notice of imported.notices) expectBilingual(notice);
  });

  it.each(refused)('$name is refused with its own code, in Thai and English', async (file) => {
    // Prepare
    const { refuse } = file.expect as Extract<Expectation, { refuse: string }>;
    // Act
    const { read, imported } = await importWord(file.name);
    // Assess
    const problems = read.ok ? (imported && !imported.ok ? imported.problems : []) : read.problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set([refuse]));
    for (const problem of problems) expectBilingual(problem);
  });

  it('refuses an untouched portal template once per section, naming each', async () => {
    const { imported } = await importWord('portal-template-untouched.docx');
    expect(imported?.ok).toBe(false);
    const problems = imported && !imported.ok ? imported.problems : [];
    expect(problems.map((p) => p.message.th.match(/"(.+?)"/)?.[1])).toEqual([
      '๑.๑ วัตถุประสงค์กิจกรรม',
      '๑.๒ ความก้าวหน้าการดำเนินการ',
      '๑.๓ งบประมาณที่ใช้ดำเนินงาน',
      '๑.๔ ปัญหา/อุปสรรค',
      '๑.๕ ข้อเสนอแนะ',
    ]);
    expect(problems[0]).toMatchObject({
      paragraph: 4,
      snippet: '๑.๑.๑ เพื่อ (ระบุวัตถุประสงค์ข้อที่ ๑ ตา…',
    });
  });

  it('refuses a half-filled template only for the sections left', async () => {
    const { imported } = await importWord('portal-template-half-filled.docx');
    const problems = imported && !imported.ok ? imported.problems : [];
    expect(problems.map((p) => p.message.en.match(/"(.+?)"/)?.[1])).toEqual([
      '๑.๓ งบประมาณที่ใช้ดำเนินงาน',
      '๑.๔ ปัญหา/อุปสรรค',
      '๑.๕ ข้อเสนอแนะ',
    ]);
  });

  it('names the signature block it refuses, with the paragraph and its text', async () => {
    const { imported } = await importWord('signature-block.docx');
    const problems = imported && !imported.ok ? imported.problems : [];
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'outline.signatureBlock',
      paragraph: 20,
      snippet: '(นายสมชาย ใจดี)',
    });
    expect(problems[0]?.message.th).toContain('ย่อหน้าที่ 20 “(นายสมชาย ใจดี)”');
    expect(problems[0]?.message.en).toContain('paragraph 20 “(นายสมชาย ใจดี)”');
  });

  it('tells a password-protected file to have its password removed', async () => {
    const { read } = await importWord('password-protected.docx');
    expect(read.problems[0]?.fix.en).toContain('Remove the password');
    expect(read.problems[0]?.fix.th).toContain('เอารหัสผ่านออก');
  });
});
