/**
 * Contact details that must never reach a published file (Thailand's PDPA):
 * e-mail addresses and phone numbers, in Arabic or Thai digits, with or
 * without the separators people type.
 */

const THAI_DIGITS = /[๐-๙]/g;
const toArabic = (text: string) =>
  text.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));

const EMAIL = /[\p{L}\p{M}\p{N}._%+-]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)+/gu;
/** Thai numbers: 0X-XXX-XXXX (landline), 0XX-XXX-XXXX (mobile), +66 …; separators optional. */
const PHONE =
  /(?<![A-Za-z0-9.,:/])(?:\+66[\s-]?|0)\d{1,2}[\s-]?\d{3}[\s-]?\d{3,4}(?![A-Za-z0-9.,])/g;

export function findPersonalData(text: string): string[] {
  const plain = toArabic(text);
  return [...(plain.match(EMAIL) ?? []), ...(plain.match(PHONE) ?? [])];
}
