import { describe, expect, it } from 'vitest';
import {
  formatBahtEnglish,
  formatBahtThai,
  parseBaht,
  toDecimalString,
} from '../../../shared/money/baht.js';

describe('parseBaht', () => {
  it.each([
    ['๔,๒๔๑,๓๐๐ บาท', 424130000n],
    ['4,241,300', 424130000n],
    ['4241300.5', 424130050n],
    ['๕,๓๑๕.- บาท', 531500n],
    ['0.10', 10n],
    ['฿ 1,000.25', 100025n],
  ])('reads %s exactly', (text, satang) => {
    expect(parseBaht(text)).toEqual({ ok: true, satang });
  });

  it.each([
    ['', 'empty'],
    ['-5', 'negative'],
    ['1.005', 'tooManyDecimals'],
    ['four million', 'notANumber'],
    ['4,24,1300', 'notANumber'],
    ['1e6', 'notANumber'],
    ['9999999999999', 'tooLarge'],
  ])('refuses %j as %s', (text, problem) => {
    expect(parseBaht(text)).toEqual({ ok: false, problem });
  });
});

describe('Baht formatting', () => {
  it('writes the JSON form without float rounding', () => {
    expect(toDecimalString(424130000n)).toBe('4241300');
    expect(toDecimalString(10n)).toBe('0.10');
    // 0.1 + 0.2 in floats is 0.30000000000000004; in satang it is exact.
    expect(toDecimalString(10n + 20n)).toBe('0.30');
  });

  it('writes Thai amounts with Thai digits and satang only when present', () => {
    expect(formatBahtThai(424130000n)).toBe('๔,๒๔๑,๓๐๐ บาท');
    expect(formatBahtThai(424130005n)).toBe('๔,๒๔๑,๓๐๐.๐๕ บาท');
    expect(formatBahtEnglish(2396353500n)).toBe('23,963,535.00');
  });
});
