/**
 * Splits the text of a report into paragraphs, each with the line it starts
 * on. Text exported from Word comes in two styles: paragraphs separated by
 * blank lines (as the seed is), or one paragraph per line; both are read.
 *
 * Inside a paragraph, a single line break is a line wrapped by hand: Thai
 * writes no space between words, so a break between two Thai letters joins
 * without a space. A page break (form feed, or a "- ๑๒ -" page-number line)
 * that falls inside a paragraph is joined the same way.
 */

import type { SourcePlace } from '../validation/make-problem.js';

export interface SourceParagraph {
  text: string;
  /** 1-based line of the paragraph's first line; for Word, the paragraph's position. */
  line: number;
  /** A page break stood between this paragraph and the one before it. */
  afterPageBreak: boolean;
  /** Where a Word paragraph is, for messages (a text source has only its line). */
  word?: SourcePlace['word'];
  /** A Word paragraph showing only a form's hint or a content control's placeholder. */
  placeholder?: boolean;
  /** A bulleted Word paragraph, at this list level (0 outermost): a point without a number. */
  bullet?: number;
  /** In the first column of a Word table row that has more: a form's heading cell. */
  headingCell?: boolean;
}

export function placeOf(paragraph: SourceParagraph): SourcePlace {
  return paragraph.word ? { line: paragraph.line, word: paragraph.word } : { line: paragraph.line };
}

const THAI_SCRIPT = /[\u0E00-\u0E7F]/;
const PAGE_NUMBER_LINE = /^\s*[-–—]\s*[0-9\u0E50-\u0E59]+\s*[-–—]\s*$/;
/** Lines that begin a new paragraph even without a blank line before them. */
const STARTS_NUMBERED =
  /^\s*(?:[0-9\u0E50-\u0E59]+(?:\.[0-9\u0E50-\u0E59]+)*[.)]?\s|[0-9\u0E50-\u0E59]+(?:\.[0-9\u0E50-\u0E59]+)?\)|\([0-9\u0E50-\u0E59]+\)|[.…]{3,}\s*$)/;

/** Joins two pieces of one paragraph: no space between Thai letters. */
export function joinWrapped(before: string, after: string): string {
  const left = before.trimEnd();
  const right = after.trimStart();
  if (left === '') return right;
  if (right === '') return left;
  const thaiJoin = THAI_SCRIPT.test(left.slice(-1)) && THAI_SCRIPT.test(right.charAt(0));
  return thaiJoin ? left + right : `${left} ${right}`;
}

export function readOutlineParagraphs(source: string): SourceParagraph[] {
  const lines = source
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  const blank = lines.length - nonBlank;
  // Without blank lines between paragraphs, every line is a paragraph.
  const linePerParagraph = blank < nonBlank / 10;

  const paragraphs: SourceParagraph[] = [];
  let current: SourceParagraph | undefined;
  let pageBreakPending = false;
  const close = () => {
    if (current) paragraphs.push(current);
    current = undefined;
  };

  lines.forEach((raw, index) => {
    let line = raw;
    if (line.includes('\f')) {
      pageBreakPending = true;
      line = line.replaceAll('\f', '');
    }
    if (PAGE_NUMBER_LINE.test(line)) {
      pageBreakPending = true;
      return;
    }
    if (line.trim() === '') {
      close();
      return;
    }
    if (current && !linePerParagraph && !STARTS_NUMBERED.test(line) && !pageBreakPending) {
      current.text = joinWrapped(current.text, line);
      return;
    }
    close();
    current = { text: line.trim(), line: index + 1, afterPageBreak: pageBreakPending };
    pageBreakPending = false;
  });
  close();
  return paragraphs;
}
