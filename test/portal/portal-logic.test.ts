/**
 * The portal's pure parts, outside the browser: where an item stands, how
 * problems are put beside their lines and fields, Thai numbers and dates,
 * PKCE, and the templates a division downloads (the Word one read back by
 * intake's own Word importer, the JSON one by the submission validator).
 */

import { describe, expect, it } from 'vitest';
import { readDocx } from '../../shared/adapters/docx-reader.js';
import { submissionTemplate } from '../../shared/report/submission-template.js';
import { placeProblem } from '../../shared/validation/make-problem.js';
import { validateSubmission } from '../../shared/validation/validate-submission.js';
import type { ValidationProblem } from '../../shared/validation/validation-problem.js';
import type { ItemHistory } from '../../shared/workflow/item-history.js';
import { readUploadText } from '../../shared/workflow/read-upload.js';
import { authorizeUrl, challengeOf, jwtClaims, tokenRequest } from '../../web/src/auth/pkce.js';
import { itemStateOf } from '../../web/src/division/item-state.js';
import {
  formatDate,
  formatDigits,
  formatDuration,
  formatNumber,
} from '../../web/src/i18n/format.js';
import { crc32 } from '../../web/src/templates/stored-zip.js';
import { templateOutline, wordTemplate } from '../../web/src/templates/word-template.js';
import { groupProblems, valueAtPath } from '../../web/src/ui/problem-groups.js';
import { seedRound } from '../helpers/seed-round.js';

const round = seedRound();
const found = round.items[3];
if (!found) throw new Error('the seed round has no item 4');
const plan = found;

function history(patch: Partial<ItemHistory> = {}): ItemHistory {
  return {
    agencyId: 'opdc',
    roundId: '2566-h1',
    item: plan,
    approvalChain: round.approvalChain,
    status: { no: 4, title: plan.title, division: plan.division, progress: 'missing' },
    versions: [],
    ...patch,
  };
}

const version = (status: 'awaiting-approval' | 'returned' | 'approved', decisions = []) => ({
  version: 1,
  status,
  uploadedAt: '2023-04-10T02:00:00.000Z',
  format: 'json' as const,
  sha256: 'a'.repeat(64),
  decisions,
});

const problem = (path: string, line?: number): ValidationProblem => ({
  path,
  code: 'x',
  message: { th: 'ผิด', en: 'wrong' },
  fix: { th: 'แก้', en: 'fix' },
  ...(line === undefined ? {} : { line }),
});

describe('Portal: where an item stands', () => {
  it('is not submitted before any upload, and validating while one is checked', () => {
    expect(itemStateOf(history())).toEqual({ kind: 'missing' });
    expect(itemStateOf(history(), true)).toEqual({ kind: 'validating' });
  });

  it('is rejected with the problems when the refused upload is newer than any version', () => {
    const state = itemStateOf(
      history({
        versions: [version('returned')],
        lastRejected: {
          uploadId: 'u2',
          agencyId: 'opdc',
          roundId: '2566-h1',
          itemNo: 4,
          division: plan.division,
          format: 'txt',
          status: 'rejected',
          requestedAt: '2023-04-12T02:00:00.000Z',
          settledAt: '2023-04-12T02:00:01.000Z',
          problems: [problem('$', 32)],
          problemCount: 1,
        },
      }),
    );
    expect(state).toMatchObject({ kind: 'rejected', problemCount: 1 });
  });

  it('waits for the role of the pending step, since it was requested', () => {
    const pending = {
      approvalId: 'a',
      step: 1,
      role: 'anti-corruption-centre' as const,
      status: 'pending' as const,
      phase: 'request' as const,
      requestedAt: '2023-04-11T02:00:00.000Z',
    };
    expect(
      itemStateOf(history({ versions: [version('awaiting-approval', [pending] as never)] })),
    ).toEqual({
      kind: 'waiting',
      role: 'anti-corruption-centre',
      since: '2023-04-11T02:00:00.000Z',
      version: 1,
    });
  });

  it('is returned with the comment of whoever returned it', () => {
    const returned = {
      approvalId: 'a',
      step: 0,
      role: 'division-director' as const,
      status: 'returned' as const,
      phase: 'request' as const,
      requestedAt: '2023-04-10T02:00:00.000Z',
      decidedAt: '2023-04-11T02:00:00.000Z',
      comment: 'กรุณาระบุจำนวนครั้ง',
    };
    expect(
      itemStateOf(history({ versions: [version('returned', [returned] as never)] })),
    ).toMatchObject({
      kind: 'returned',
      role: 'division-director',
      comment: 'กรุณาระบุจำนวนครั้ง',
    });
    expect(itemStateOf(history({ versions: [version('approved')] }))).toEqual({
      kind: 'approved',
      version: 1,
    });
  });
});

describe('Portal: problems beside what they concern', () => {
  it('puts text problems on their lines, with the line as the file has it', () => {
    const text = ['title', '', 'one', 'two'].join('\n');
    const groups = groupProblems([problem('$', 4), problem('$', 3), problem('$', 4)], {
      format: 'txt',
      text,
    });
    expect(groups.map((g) => [g.line, g.excerpt, g.problems.length])).toEqual([
      [3, 'one', 1],
      [4, 'two', 2],
    ]);
  });

  it('puts Word problems on their paragraph and table cell, quoting the paragraph', () => {
    const at = (
      paragraph: number,
      snippet: string,
      cell?: { table: number; row: number; column: number },
    ) =>
      placeProblem(
        'outline.emptySection',
        { line: paragraph, word: { paragraph, snippet, ...(cell ? { cell } : {}) } },
        { expected: '๑.๔ ปัญหา/อุปสรรค' },
      );
    const cell = { table: 1, row: 4, column: 1 };
    const groups = groupProblems(
      [at(17, '๑.๔ ปัญหา/อุปสรรค', cell), at(3, '๑. กิจกรรม'), at(17, '๑.๔ ปัญหา/อุปสรรค', cell)],
      {
        format: 'docx',
      },
    );
    expect(groups.map((g) => [g.paragraph, g.cell, g.excerpt, g.problems.length])).toEqual([
      [3, undefined, '๑. กิจกรรม', 1],
      [17, cell, '๑.๔ ปัญหา/อุปสรรค', 2],
    ]);
    expect(groups[1]?.problems[0]?.message.th).toContain(
      'ตารางที่ 1 แถว 4 ช่อง 1 ย่อหน้าที่ 17 “๑.๔ ปัญหา/อุปสรรค”',
    );
    expect(groups[1]?.problems[0]?.message.en).toContain('Table 1, row 4, column 1, paragraph 17');
  });

  it('puts JSON problems on their field, with the value found there, whole-file ones first', () => {
    const text = JSON.stringify({
      budgetUsed: '1.005',
      progress: { points: [{ text: 'a' }, { text: 7 }] },
    });
    const groups = groupProblems(
      [problem('$.progress.points[1].text'), problem('$.budgetUsed'), problem('$')],
      { format: 'json', text },
    );
    expect(groups.map((g) => [g.path, g.field, g.excerpt])).toEqual([
      ['$', undefined, undefined],
      ['$.budgetUsed', 'budgetUsed', '1.005'],
      ['$.progress.points[1].text', 'progress', '7'],
    ]);
    expect(valueAtPath({ a: { 'odd key': [1, 2] } }, '$.a["odd key"][1]')).toBe(2);
  });
});

describe('Portal: Thai numbers, dates and durations', () => {
  it('writes Thai digits and Buddhist-era dates in Thai, Arabic and Gregorian in English', () => {
    expect(formatDigits(2566, 'th')).toBe('๒๕๖๖');
    expect(formatNumber(4241300, 'th')).toBe('๔,๒๔๑,๓๐๐');
    expect(formatDate('2023-04-30', 'th')).toBe('๓๐ เมษายน ๒๕๖๖');
    expect(formatDate('2023-04-30', 'en')).toBe('30 April 2023');
  });

  it('says how long something has waited in its two largest units', () => {
    const minutes = (n: number) => n * 60_000;
    expect(formatDuration(minutes(3 * 1440 + 4 * 60 + 5), 'th')).toBe('๓ วัน ๔ ชั่วโมง');
    expect(formatDuration(minutes(65), 'en')).toBe('1 h 5 min');
    expect(formatDuration(1_000, 'th')).toBe('ไม่ถึง ๑ นาที');
  });
});

describe('Portal: sign-in with PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('asks the hosted UI for a code with the challenge, and trades it with the verifier', () => {
    const ui = {
      domain: 'https://acm.auth.ap-southeast-1.amazoncognito.com',
      clientId: 'client',
      redirectUri: 'https://portal.example/',
    };
    const url = new URL(authorizeUrl(ui, 'challenge', 'state'));
    expect(url.pathname).toBe('/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      code_challenge_method: 'S256',
      code_challenge: 'challenge',
      redirect_uri: 'https://portal.example/',
    });
    const body = new URLSearchParams(String(tokenRequest(ui, 'code', 'verifier').body));
    expect(Object.fromEntries(body)).toMatchObject({
      grant_type: 'authorization_code',
      code: 'code',
      code_verifier: 'verifier',
    });
  });

  it("reads the ID token's groups (UTF-8 names included)", () => {
    const payload = Buffer.from(
      JSON.stringify({ sub: 's', name: 'สุดา', 'cognito:groups': ['opdc:coordinator'] }),
    ).toString('base64url');
    expect(jwtClaims(`h.${payload}.sig`)).toMatchObject({
      name: 'สุดา',
      'cognito:groups': ['opdc:coordinator'],
    });
  });
});

describe('Portal: templates', () => {
  const target = {
    agencyId: 'opdc',
    roundId: '2566-h1',
    itemNo: 4,
    division: plan.division,
    uploadId: 'u',
  };

  it('makes a Word blank whose untouched hints intake refuses, section by section', async () => {
    const bytes = wordTemplate(round, plan);
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
    const paragraphs = await readDocx(bytes);
    expect(paragraphs.ok).toBe(true);
    if (!paragraphs.ok) return;
    const read = readUploadText('docx', paragraphs.value, round, target);
    expect(read.ok).toBe(false);
    expect(read.problems.map((p) => p.code)).toEqual(Array(5).fill('word.notFilledIn'));
    expect(templateOutline(round, plan)[0]).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน');
  });

  it('makes a JSON blank that is a valid submission for the item', () => {
    const blank = submissionTemplate({
      agencyId: 'opdc',
      fiscalYear: 2566,
      period: 'H1',
      item: plan,
    });
    const checked = validateSubmission(blank);
    expect(checked.problems).toEqual([]);
    expect(readUploadText('json', JSON.stringify(blank), round, target).ok).toBe(true);
  });

  it('checksums stored entries with the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });
});
