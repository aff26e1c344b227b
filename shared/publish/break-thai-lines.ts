/**
 * Line breaking for Thai, which writes no spaces between words: lines break
 * only at the word boundaries Intl.Segmenter finds (the same ICU dictionary
 * Chromium uses), at spaces, and — only for a word wider than the whole
 * line — between grapheme clusters, so nothing runs past the margin.
 */

const words = new Intl.Segmenter('th', { granularity: 'word' });
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * Width of `text`, which starts at offset `start` of the paragraph: a
 * measurer may answer from the paragraph's shaping instead of shaping again.
 */
export type MeasureText = (text: string, start: number) => number;

/** Punctuation that must not end a line: it belongs to what follows. */
const OPENING = /^[([{“‘"'<]+$/;
/** Punctuation and marks that must not start a line: they belong to what precedes ("ต่าง ๆ", "ฯลฯ"). */
const CLOSING = /^[)\]}”’"'>,.:;!?%ๆฯ…]+$/;

/**
 * A hyphen between two letters ("e-Service") holds its word together: text
 * extractors (poppler's pdftotext) take a hyphen that ends a line for a
 * hyphenation and drop it when they join the lines.
 */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Splits `text` into pieces that may not be separated across lines. */
function unbreakablePieces(text: string): string[] {
  const pieces: string[] = [];
  let carry = '';
  let joinNext = false;
  for (const { segment } of words.segment(text)) {
    if (joinNext && LETTER_OR_DIGIT.test(segment[0] ?? '') && pieces.length > 0) {
      joinNext = false;
      pieces[pieces.length - 1] += segment;
      continue;
    }
    joinNext = false;
    if (segment === '-' && LETTER_OR_DIGIT.test(pieces.at(-1)?.at(-1) ?? '')) {
      pieces[pieces.length - 1] += segment;
      joinNext = true;
      continue;
    }
    if (CLOSING.test(segment) && pieces.length > 0) {
      // Pull the closing mark (and any space before it) onto the previous piece.
      let glued = segment;
      while (pieces.length > 1 && (pieces.at(-1) ?? '').trim() === '') glued = pieces.pop() + glued;
      pieces[pieces.length - 1] += glued;
      continue;
    }
    if (OPENING.test(segment)) {
      carry += segment;
      continue;
    }
    pieces.push(carry + segment);
    carry = '';
  }
  if (carry) pieces.push(carry);
  return pieces;
}

function splitOverlong(
  piece: string,
  start: number,
  maxWidth: number,
  measure: MeasureText,
): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let lineStart = start;
  for (const { segment } of graphemes.segment(piece)) {
    const text = line.join('');
    if (text && measure(text + segment, lineStart) > maxWidth) {
      // A closing mark takes the grapheme before it along to the new line.
      const carried = CLOSING.test(segment) && line.length > 1 ? [line.pop() as string] : [];
      const finished = line.join('');
      lines.push(finished);
      lineStart += finished.length;
      line = [...carried, segment];
    } else {
      line.push(segment);
    }
  }
  if (line.length) lines.push(line.join(''));
  return lines;
}

/**
 * Greedy line filling. A line keeps the space it breaks at as trailing
 * whitespace (invisible, but it lets a text extractor tell a break at a space
 * from a break between two Thai words), so `lines.join('')` is the text.
 */
export function breakThaiLines(text: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  // Widths add up piece by piece: pieces end at word boundaries, where no
  // shaping crosses, and measuring the growing line each time would be quadratic.
  let width = 0;
  let offset = 0;
  for (const piece of unbreakablePieces(text)) {
    const start = offset;
    offset += piece.length;
    const isSpace = piece.trim() === '';
    if (line === '' && isSpace) continue;
    const pieceWidth = measure(piece, start);
    if (isSpace || width + pieceWidth <= maxWidth) {
      line += piece;
      width += pieceWidth;
      continue;
    }
    if (line !== '') lines.push(line);
    if (pieceWidth <= maxWidth) {
      line = piece;
      width = pieceWidth;
    } else {
      const parts = splitOverlong(piece, start, maxWidth, measure);
      line = parts.pop() ?? '';
      width = measure(line, offset - line.length);
      lines.push(...parts);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
