/**
 * What a reader gets back from a PDF, for the PDF bench: the body text as
 * two independent extractors read it (pdf.js, and poppler's pdftotext),
 * compared with the text render of the same report, and every line break
 * checked against Intl.Segmenter's Thai word boundaries.
 */

import { execFileSync } from 'node:child_process';
import { SUMMARY_HEADING_TH } from '../shared/report/rollup-summary.js';
import {
  alignLinesWithText,
  extractPdfLines,
  normaliseWhitespace,
} from '../test/helpers/pdf-text.js';

export interface ExtractedTextCheck {
  /** The body's lines spell out the text render exactly (after whitespace normalisation). */
  exact: boolean;
  /** Where it first differs, when it does. */
  firstDifference?: { expected: string; found: string };
  /** Line breaks that fall inside a Thai word, each with a few letters either side. */
  breaksInsideWords: string[];
  /** Line breaks between two letters (not at a space), the ones checked. */
  breaksChecked: number;
  /** Breaks between two letters whose sides the garbled text no longer lets us find in the source. */
  breaksUnverifiable: number;
}

export interface TextCheck {
  pdfjs: ExtractedTextCheck;
  poppler: ExtractedTextCheck | { unavailable: string };
}

const PAGE_NUMBER = /^หน้า [๐-๙]+ จาก [๐-๙]+$/;
const words = new Intl.Segmenter('th', { granularity: 'word' });

/** Whether a letter on both sides of a break makes it one to check (not a break at a space). */
const LETTER = /[\p{L}\p{M}\p{N}]/u;

/**
 * The report's body: from the line that starts the text render (a browser
 * page carries navigation before it) up to the roll-up summary, without
 * running header and page numbers.
 */
function bodyLines(lines: readonly string[], expected: string, header: string): string[] {
  const text = lines.map(normaliseWhitespace).filter((l) => l !== '' && l !== header);
  const kept = text.filter((l) => !PAGE_NUMBER.test(l));
  // NFKC only to find where the body starts: Chromium's PDF spells ำ as ํ + า.
  const loose = expected.normalize('NFKC');
  const start = kept.findIndex((l) => l.length >= 10 && loose.startsWith(l.normalize('NFKC')));
  if (start < 0) return kept;
  const end = kept.findIndex((l, i) => i > start && l.startsWith(SUMMARY_HEADING_TH));
  return kept.slice(start, end < 0 ? undefined : end);
}

function boundariesOf(text: string): Set<number> {
  const boundaries = new Set<number>();
  for (const { index } of words.segment(text)) boundaries.add(index);
  return boundaries;
}

/** The control characters a broken ToUnicode map yields, and Chromium's ํ + า for ำ. */
function cleanExtracted(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return text.replace(/[\u0000-\u001f\ufffd]/g, '').replace(/\u0e4d\u0e32/g, '\u0e33');
}

/**
 * Breaks inside a word. When the lines spell the text exactly, each break is
 * checked against the text's own boundaries. When they do not (an extractor
 * that doubles marks), each break whose two sides can still be found in the
 * text is checked there; the rest are counted as unverifiable.
 */
function breaksInside(
  lines: readonly string[],
  expected: string,
): { inside: string[]; checked: number; unverifiable: number } {
  const boundaries = boundariesOf(expected);
  const around = (at: number) => `${expected.slice(at - 8, at)} / ${expected.slice(at, at + 8)}`;
  const alignment = alignLinesWithText(lines, expected);
  if (alignment.ok) {
    const inside = alignment.breaks.filter((at) => !boundaries.has(at));
    return { inside: inside.map(around), checked: alignment.breaks.length, unverifiable: 0 };
  }
  const inside: string[] = [];
  let checked = 0;
  let unverifiable = 0;
  for (let i = 1; i < lines.length; i++) {
    const before = cleanExtracted(lines[i - 1] ?? '').slice(-12);
    const after = cleanExtracted(lines[i] ?? '').slice(0, 12);
    if (!LETTER.test(before.at(-1) ?? '') || !LETTER.test(after[0] ?? '')) continue;
    // A break where the text render has a space is a break at that space.
    if (expected.includes(`${before} ${after}`)) continue;
    const found = expected.indexOf(before + after);
    if (found < 0) {
      unverifiable++;
      continue;
    }
    checked++;
    const at = found + before.length;
    if (!boundaries.has(at)) inside.push(around(at));
  }
  return { inside, checked, unverifiable };
}

function check(lines: readonly string[], source: string, header: string): ExtractedTextCheck {
  const expected = normaliseWhitespace(source);
  const body = bodyLines(lines, expected, header);
  const alignment = alignLinesWithText(body, expected);
  const breaks = breaksInside(body, expected);
  return {
    exact: alignment.ok,
    ...(alignment.ok
      ? {}
      : { firstDifference: { expected: alignment.expected, found: alignment.found } }),
    breaksInsideWords: breaks.inside,
    breaksChecked: breaks.checked,
    breaksUnverifiable: breaks.unverifiable,
  };
}

function popplerLines(pdfPath: string): string[] | string {
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).split(/[\n\f]/);
  } catch {
    return 'pdftotext not found (Debian: apt-get install poppler-utils)';
  }
}

/**
 * Checks the PDF at `pdfPath` (bytes `pdf`) against `source`, the text
 * render of its body; `header` is the running header to leave out.
 */
export async function checkPdfText(
  pdf: Uint8Array,
  pdfPath: string,
  source: string,
  header: string,
): Promise<TextCheck> {
  const pdfjs = check(
    (await extractPdfLines(pdf)).map((l) => l.text),
    source,
    normaliseWhitespace(header),
  );
  const poppler = popplerLines(pdfPath);
  return {
    pdfjs,
    poppler:
      typeof poppler === 'string'
        ? { unavailable: poppler }
        : check(poppler, source, normaliseWhitespace(header)),
  };
}
