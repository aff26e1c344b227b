/**
 * Exact Baht amounts. Money is held as a bigint count of satang (1/100 Baht)
 * and travels in JSON as a canonical decimal string ("4241300" or
 * "4241300.50"): never as a binary float, which cannot hold 0.10 exactly.
 */

import { thaiGroupedNumber, toArabicDigits } from '../thai/thai-digits.js';

export type Satang = bigint;

export type BahtParseProblem = 'empty' | 'negative' | 'tooManyDecimals' | 'notANumber' | 'tooLarge';

export type BahtParseResult =
  | { ok: true; satang: Satang }
  | { ok: false; problem: BahtParseProblem };

/** A trillion Baht: far above any agency's budget, far below overflow anywhere. */
export const MAX_BAHT = 10n ** 12n;

/**
 * Reads an amount as people write it: Thai or Arabic digits, thousands
 * separators, an optional "บาท" and the Thai ".-" ending ("๔,๒๔๑,๓๐๐.- บาท").
 */
export function parseBaht(input: string): BahtParseResult {
  let text = toArabicDigits(input.normalize('NFC'))
    .replace(/บาท|baht|THB|฿/gi, '')
    .replace(/\s+/g, '')
    .trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.startsWith('-') && text !== '-') {
    return { ok: false, problem: 'negative' };
  }
  // "1,000.-" is the Thai way of writing "1,000 exactly".
  text = text.replace(/\.-$/, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, problem: 'notANumber' };
  const whole = BigInt((match[1] ?? '0').replaceAll(',', ''));
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, problem: 'tooManyDecimals' };
  if (whole > MAX_BAHT) return { ok: false, problem: 'tooLarge' };
  return { ok: true, satang: whole * 100n + BigInt(fraction.padEnd(2, '0')) };
}

/** 424130000n → "4241300"; 424130050n → "4241300.50" (the JSON form). */
export function toDecimalString(satang: Satang): string {
  const whole = satang / 100n;
  const cents = satang % 100n;
  return cents === 0n ? whole.toString() : `${whole}.${cents.toString().padStart(2, '0')}`;
}

/** 424130000n → "๔,๒๔๑,๓๐๐" (for tables whose heading names the unit). */
export function formatBahtThaiNumber(satang: Satang): string {
  const whole = satang / 100n;
  const cents = satang % 100n;
  const wholeText = thaiGroupedNumber(whole);
  if (cents === 0n) return wholeText;
  return `${wholeText}.${thaiGroupedNumber(cents).padStart(2, '๐')}`;
}

/** 424130000n → "๔,๒๔๑,๓๐๐ บาท"; satang are shown only when there are some. */
export function formatBahtThai(satang: Satang): string {
  return `${formatBahtThaiNumber(satang)} บาท`;
}

/** 424130000n → "4,241,300.00" for English-language summaries. */
export function formatBahtEnglish(satang: Satang): string {
  const whole = satang / 100n;
  const cents = (satang % 100n).toString().padStart(2, '0');
  return `${new Intl.NumberFormat('en-US').format(whole)}.${cents}`;
}
