import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { SARABUN_FILES } from '../../../shared/publish/sarabun-fonts.js';
import {
  findUnprintableCharacter,
  isPrintable,
  PRINTABLE_RANGES,
} from '../../../shared/schemas/printable-characters.js';
import { validateSubmission } from '../../../shared/validation/validate-submission.js';
import { seedSubmissionJson } from '../../helpers/seed-round.js';

/** Code points both fonts draw, less controls, surrogates, private use and non-characters. */
function fontCoverage(): number[] {
  const sets = [SARABUN_FILES.regular, SARABUN_FILES.bold].map(
    (file) =>
      new Set(
        (fontkit.create(readFileSync(file)) as unknown as { characterSet: number[] }).characterSet,
      ),
  );
  const [regular, bold] = sets as [Set<number>, Set<number>];
  return [...regular]
    .filter((code) => bold.has(code))
    .filter((code) => !/[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u.test(String.fromCodePoint(code)))
    .sort((a, b) => a - b);
}

describe('Function: isPrintable', () => {
  it('agrees with the fonts, code point by code point', () => {
    const covered = fontCoverage();
    const listed = PRINTABLE_RANGES.flatMap(([start, end]) =>
      Array.from({ length: end - start + 1 }, (_, i) => start + i),
    );
    // On a font update this fails: regenerate PRINTABLE_RANGES from the fonts.
    expect(listed).toEqual(covered);
    for (let code = 0; code <= 0x2fff; code += 1) {
      expect(isPrintable(code), `U+${code.toString(16)}`).toBe(covered.includes(code));
    }
  });

  it.each([
    ['Thai with tone marks', 'น้ำที่ซึ่งปี ฿๑๒๓'],
    ['Latin, Vietnamese and punctuation', 'Café “quoted” – naïve… Việt Nam 50% × ½ → ≤ €'],
    ['bullets Word keeps as text', '• ■ ◆'],
  ])('prints %s', (_, text) => {
    expect(findUnprintableCharacter(text)).toBeUndefined();
  });

  it.each([
    ['an emoji', 'ผล 😀', 'U+1F600', 3],
    ['Chinese', 'ผล 漢字', 'U+6F22', 3],
    ['Arabic', 'ผล تقرير', 'U+062A', 3],
    ["Word's Symbol-font bullet", '\uF0B7 ผล', 'U+F0B7', 0],
    ['a check mark', 'แล้ว ✓', 'U+2713', 5],
  ])('names %s it cannot print, and where', (_, text, codePoint, index) => {
    expect(findUnprintableCharacter(text)).toEqual({ codePoint, index });
  });
});

describe('Function: validateSubmission (printable text)', () => {
  it('accepts every seed submission as it is', () => {
    for (const no of [1, 2, 3, 4, 5, 6])
      expect(validateSubmission(seedSubmissionJson(no)).ok).toBe(true);
  });

  it('refuses an emoji with the field, the code point, and a fix in Thai and English', () => {
    const seed = seedSubmissionJson(1) as Record<string, unknown>;
    const result = validateSubmission({
      ...seed,
      objectives: { points: [{ text: 'เป้าหมาย 🎯 ของโครงการ' }] },
    });
    expect(result.ok).toBe(false);
    const [problem] = result.problems;
    expect(problem).toMatchObject({
      path: '$.objectives.points[0].text',
      code: 'text.unprintable',
    });
    expect(problem?.message.en).toContain('U+1F3AF');
    expect(problem?.message.th).toContain('U+1F3AF');
    expect(problem?.fix.th).toBeTruthy();
    expect(problem?.fix.en).toContain('emoji');
  });
});

describe('Schema: Paragraph, where it says a character is', () => {
  it('gives the position in the text as written, not in the normalised text', () => {
    // Prepare: spaces, a zero-width space and a double space that normalising drops or collapses.
    const written = '  \u200Bผล  งาน \u{1F600}';
    const submission = seedSubmissionJson(1) as Record<string, unknown>;
    // Act
    const result = validateSubmission({ ...submission, objectives: { paragraphs: [written] } });
    // Assess
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.code === 'text.unprintable');
    expect(problem?.message.en).toContain(`at position ${written.indexOf('\u{1F600}')}`);
  });
});
