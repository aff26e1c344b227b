/**
 * Text of a PDF as an independent reader (pdf.js) extracts it: page
 * furniture marked as Artifact left out, lines in reading order.
 */

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfLine {
  page: number;
  text: string;
  /** Page furniture (running header, page number), marked as an Artifact. */
  artifact: boolean;
  /** Left and right edge of the line on the page, in points. */
  left: number;
  right: number;
  pageWidth: number;
}

interface TextItem {
  str: string;
  hasEOL: boolean;
  width: number;
  transform: number[];
}

interface MarkedItem {
  type: string;
  tag?: string;
}

export async function extractPdfLines(bytes: Uint8Array): Promise<PdfLine[]> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const lines: PdfLine[] = [];
  for (let pageNo = 1; pageNo <= pdf.numPages; pageNo++) {
    const page = await pdf.getPage(pageNo);
    const pageWidth = page.view[2] ?? 0;
    const content = await page.getTextContent({ includeMarkedContent: true });
    const stack: string[] = [];
    let line: PdfLine | undefined;
    const finish = () => {
      if (line && line.text !== '') lines.push(line);
      line = undefined;
    };
    for (const raw of content.items as Array<TextItem | MarkedItem>) {
      if ('type' in raw) {
        if (raw.type === 'beginMarkedContent' || raw.type === 'beginMarkedContentProps')
          stack.push(raw.tag ?? '');
        if (raw.type === 'endMarkedContent') stack.pop();
        continue;
      }
      const x = raw.transform[4] ?? 0;
      line ??= {
        page: pageNo,
        text: '',
        artifact: stack.includes('Artifact'),
        left: x,
        right: x,
        pageWidth,
      };
      line.text += raw.str;
      if (raw.str.trim() !== '') {
        line.left = Math.min(line.left, x);
        line.right = Math.max(line.right, x + raw.width);
      }
      if (raw.hasEOL) finish();
    }
    finish();
  }
  await pdf.destroy();
  return lines;
}

/** The body text lines (page furniture left out). */
export async function extractBodyLines(bytes: Uint8Array): Promise<string[]> {
  return (await extractPdfLines(bytes)).filter((l) => !l.artifact).map((l) => l.text);
}

export type Alignment =
  | { ok: true; breaks: number[] }
  | { ok: false; line: number; expected: string; found: string };

/** Runs of whitespace as one space, ends trimmed: "whitespace normalisation". */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Checks that the PDF's lines, in order, spell out `source` exactly, after
 * whitespace normalisation. A line break may stand for a space of the
 * source or for nothing (a break between two Thai words, which have no space
 * between them): readers such as pdf.js drop a line's trailing space, so the
 * PDF cannot tell them apart. Everything else must match character for
 * character — a doubled vowel ("ำา") or a space inside a word fails.
 * Returns the source offsets of the line breaks that fell between words.
 */
export function alignLinesWithText(lines: readonly string[], source: string): Alignment {
  const text = normaliseWhitespace(source);
  const breaks: number[] = [];
  let position = 0;
  for (const [index, raw] of lines.entries()) {
    const line = normaliseWhitespace(raw);
    if (line === '') continue;
    if (text[position] === ' ') position++;
    else if (position > 0) breaks.push(position);
    if (!text.startsWith(line, position)) {
      return {
        ok: false,
        line: index,
        expected: text.slice(position, position + line.length + 10),
        found: line,
      };
    }
    position += line.length;
  }
  if (position !== text.length) {
    return {
      ok: false,
      line: lines.length,
      expected: text.slice(position, position + 40),
      found: '(end of PDF)',
    };
  }
  return { ok: true, breaks };
}
