/**
 * One normal form for every piece of text we store, so that the same words
 * typed on two machines compare equal and render the same.
 */

// U+200B ZERO WIDTH SPACE is how Word users mark Thai word breaks; it carries no
// text, our renderers find word boundaries themselves, and Sarabun has no glyph
// for it, so it is dropped rather than stored. BOMs (U+FEFF) are dropped too.
const INVISIBLE_BREAKS = /[\u200B\uFEFF]/g;
// Runs of spaces and tabs inside a paragraph collapse to one space; Thai uses a
// single space as a phrase separator, so a double one is a typing accident.
const HORIZONTAL_SPACE = /[ \t\u00A0\u3000]+/g;

/** NFC, invisible breaks removed, spaces collapsed, ends trimmed. */
export function normaliseParagraph(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE_BREAKS, '').replace(HORIZONTAL_SPACE, ' ').trim();
}

// C0/C1 controls (tab and newline are handled by the caller); the bidi
// embedding/override/isolate controls that can make text display differently
// from what it says (the "Trojan source" trick); every other invisible format
// character (LRM/RLM, zero-width joiners, soft hyphen, word joiner, Unicode
// tag characters that smuggle hidden ASCII), which the PDF cannot carry: its
// text would read back with a space or nothing in their place; and lone
// surrogates (a "\ud800" escape in JSON), which are not text at all.
// U+200B and U+FEFF are not refused: normaliseParagraph drops them.
const FORBIDDEN = /(?![\t\n\r\u200B\uFEFF])[\p{Cc}\p{Cf}\p{Cs}]/u;

/** The first character we refuse to store in a paragraph, with its index. */
export function findForbiddenCharacter(
  text: string,
): { index: number; codePoint: string } | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  // A lone surrogate is reported as the code unit it is.
  return {
    index: match.index,
    codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
  };
}
