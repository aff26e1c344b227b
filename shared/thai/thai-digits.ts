/**
 * Thai digits (๐–๙, U+0E50–U+0E59) in and out.
 *
 * Writing goes through Intl with the `thai` numbering system so grouping and
 * digits come from the platform's CLDR data, not from a hand-written table.
 * Reading has no Intl counterpart (Intl formats, it does not parse), so the
 * one-line code-point shift below is the whole of it.
 */

const THAI_ZERO = 0x0e50;
const THAI_DIGIT = /[\u0E50-\u0E59]/g;

// Made on first use, not at import: the first Intl formatter loads ICU's Thai
// data (~11 ms), and most Lambda functions import this module without ever
// writing a Thai number.
let plainThai: Intl.NumberFormat | undefined;
let groupedThai: Intl.NumberFormat | undefined;

/** 12 → "๑๒" (no grouping: for outline numbers and years). */
export function thaiNumber(value: number | bigint): string {
  plainThai ??= new Intl.NumberFormat('th-TH-u-nu-thai', { useGrouping: false });
  return plainThai.format(value);
}

/** 4241300 → "๔,๒๔๑,๓๐๐" (grouped: for amounts and counts). */
export function thaiGroupedNumber(value: number | bigint): string {
  groupedThai ??= new Intl.NumberFormat('th-TH-u-nu-thai', { useGrouping: true });
  return groupedThai.format(value);
}

/** Replaces every Thai digit with its Arabic counterpart; all else is kept. */
export function toArabicDigits(text: string): string {
  return text.replace(THAI_DIGIT, (d) => String((d.codePointAt(0) ?? THAI_ZERO) - THAI_ZERO));
}

/** Replaces every Arabic digit with its Thai counterpart; all else is kept. */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(THAI_ZERO + Number(d)));
}

/** Parses a whole number written in Thai or Arabic digits; NaN when it is not one. */
export function parseWholeNumber(text: string): number {
  const arabic = toArabicDigits(text.trim());
  return /^[0-9]+$/.test(arabic) ? Number(arabic) : Number.NaN;
}
