import { describe, expect, it } from 'vitest';
import {
  addDays,
  periodBounds,
  periodFromMonths,
  periodLabelTh,
} from '../../../shared/thai/fiscal-period.js';
import { findForbiddenCharacter, normaliseParagraph } from '../../../shared/thai/normalise-text.js';
import { formatThaiDate } from '../../../shared/thai/thai-dates.js';
import {
  parseWholeNumber,
  thaiGroupedNumber,
  thaiNumber,
  toArabicDigits,
  toThaiDigits,
} from '../../../shared/thai/thai-digits.js';

describe('Thai digits', () => {
  it('writes numbers in Thai digits, grouped for amounts and plain for outline numbers', () => {
    expect(thaiGroupedNumber(4241300)).toBe('๔,๒๔๑,๓๐๐');
    expect(thaiGroupedNumber(23963535n)).toBe('๒๓,๙๖๓,๕๓๕');
    expect(thaiNumber(2566)).toBe('๒๕๖๖');
    expect(thaiNumber(10)).toBe('๑๐');
  });

  it('reads Thai and Arabic digits alike', () => {
    expect(parseWholeNumber('๒๕๖๖')).toBe(2566);
    expect(parseWholeNumber(' 2566 ')).toBe(2566);
    expect(parseWholeNumber('๒5๖6')).toBe(2566);
    expect(parseWholeNumber('๒๕.๖')).toBeNaN();
    expect(parseWholeNumber('')).toBeNaN();
  });

  it('converts digits both ways and leaves everything else alone', () => {
    expect(toArabicDigits('PM ๒.๕ และ ๑๒ งาน')).toBe('PM 2.5 และ 12 งาน');
    expect(toThaiDigits('PM 2.5')).toBe('PM ๒.๕');
  });
});

describe('Thai fiscal periods', () => {
  it('bounds FY 2566 H1 as 1 October 2022 to 31 March 2023', () => {
    expect(periodBounds(2566, 'H1')).toEqual({ start: '2022-10-01', end: '2023-03-31' });
  });

  it('bounds the twelve-month round as the whole fiscal year', () => {
    expect(periodBounds(2566, 'FY')).toEqual({ start: '2022-10-01', end: '2023-09-30' });
  });

  it('labels and reads periods as the report writes them', () => {
    expect(periodLabelTh('H1')).toBe('รอบ ๖ เดือน');
    expect(periodLabelTh('FY')).toBe('รอบ ๑๒ เดือน');
    expect(periodFromMonths(6)).toBe('H1');
    expect(periodFromMonths(12)).toBe('FY');
    expect(periodFromMonths(9)).toBeUndefined();
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2023-03-31', 30)).toBe('2023-04-30');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
  });
});

describe('Buddhist-era dates', () => {
  it('formats an ISO date as the seed writes dates', () => {
    expect(formatThaiDate('2022-12-02')).toBe('๒ ธันวาคม ๒๕๖๕');
  });

  it('keeps the Bangkok calendar day for an instant late in the UTC day', () => {
    // 20:00 UTC on 31 March is already 1 April in Bangkok.
    expect(formatThaiDate('2023-03-31T20:00:00Z')).toBe('๑ เมษายน ๒๕๖๖');
  });
});

describe('Text normalisation', () => {
  it('composes NFD into NFC so the same words compare equal', () => {
    const decomposed = 'e\u0301';
    expect(normaliseParagraph(decomposed)).toBe('\u00e9');
  });

  it('drops zero-width spaces and collapses runs of spaces', () => {
    expect(normaliseParagraph('  การ\u200Bดำเนินงาน \t  ต่อไป ')).toBe('การดำเนินงาน ต่อไป');
  });

  it('finds bidi overrides and control characters, not Thai text', () => {
    expect(findForbiddenCharacter('ปกติ')).toBeUndefined();
    expect(findForbiddenCharacter('ab\u202Ec')).toEqual({ index: 2, codePoint: 'U+202E' });
    expect(findForbiddenCharacter('\u2066x')).toEqual({ index: 0, codePoint: 'U+2066' });
    expect(findForbiddenCharacter('x\u0000')).toEqual({ index: 1, codePoint: 'U+0000' });
  });
});

describe('Invisible characters refused in stored text', () => {
  it.each([
    ['U+200E', 'a\u200Eb'],
    ['U+200D', 'a\u200Db'],
    ['U+00AD', 'a\u00ADb'],
    ['U+E0041', 'a\u{E0041}b'],
    ['U+D800', 'a\uD800b'],
  ])('refuses %s', (codePoint, text) => {
    expect(findForbiddenCharacter(text)).toEqual({ index: 1, codePoint });
  });

  it('lets through what normalisation drops, and tabs', () => {
    expect(findForbiddenCharacter('a\u200Bb\uFEFFc\td')).toBeUndefined();
  });
});
