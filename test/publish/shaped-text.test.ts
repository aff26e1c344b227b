import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { breakThaiLines } from '../../shared/publish/break-thai-lines.js';
import type { EmbeddedFont } from '../../shared/publish/pdf-exact-text-font.js';
import { PdfTextWriter } from '../../shared/publish/pdf-text-writer.js';
import { loadSarabun } from '../../shared/publish/sarabun-fonts.js';
import { clearShapingCache, prefetchShaping, shapeText } from '../../shared/publish/shaped-text.js';
import { reportBlocks } from '../../shared/report/report-blocks.js';
import { seedReport } from '../helpers/seed-round.js';

/** A font as the PDF writer prepares it, in a throwaway document. */
function preparedFont(): EmbeddedFont {
  const fonts = loadSarabun();
  const doc = new PDFDocument({ font: Buffer.from(fonts.regular) as never });
  new PdfTextWriter(doc, { left: 72, right: 72, top: 72, bottom: 72 }, fonts);
  doc.font('regular');
  // biome-ignore lint/suspicious/noExplicitAny: pdfkit's current font is not in its typings.
  return (doc as any)._font;
}

describe('shaping in one batch', () => {
  it('gives every seed paragraph the same glyphs and positions as shaping it alone', () => {
    // Prepare: the texts, and a fresh font for each way of shaping them.
    const texts = [...reportBlocks(seedReport())].flatMap((b) =>
      b.kind === 'point' || b.kind === 'paragraph' ? [`${b.text} `] : [],
    );
    const alone = texts.map((t) => shapeText(preparedFont(), t));
    clearShapingCache();

    // Act
    const batchFont = preparedFont();
    prefetchShaping(batchFont, texts);

    // Assess: the same glyph ids, text offsets and advances, text by text.
    texts.forEach((text, index) => {
      const batch = shapeText(batchFont, text);
      const single = alone[index];
      expect(batch).not.toBe(single);
      expect(batch.glyphs.map((g) => g.id)).toEqual(single?.glyphs.map((g) => g.id));
      expect(batch.offsets).toEqual(single?.offsets);
      expect(batch.positions).toEqual(single?.positions);
    });
    expect(texts.length).toBeGreaterThan(90);
  });
});

describe('breakThaiLines', () => {
  const measure = (text: string) => text.length;

  it('gives back the text when its lines are joined, every line within the width', () => {
    const text = 'การดำเนินงานของหน่วยงานภาครัฐ (Open Government Partnership : OGP) เพื่อพัฒนาระบบราชการ';
    const lines = breakThaiLines(text, 16, measure);
    expect(lines.join('')).toBe(text);
    expect(lines.every((l) => l.trimEnd().length <= 16)).toBe(true);
  });

  it('breaks only where Intl.Segmenter puts a word boundary', () => {
    const text = 'การดำเนินงานของหน่วยงานภาครัฐเพื่อพัฒนาระบบราชการให้มีประสิทธิภาพ';
    const boundaries = new Set(
      [...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.index),
    );
    let at = 0;
    for (const line of breakThaiLines(text, 12, measure).slice(0, -1)) {
      at += line.length;
      expect(boundaries.has(at), text.slice(at - 5, at + 5)).toBe(true);
    }
  });

  it('keeps opening brackets with what follows and closing marks (and ๆ) with what precedes', () => {
    for (const width of [8, 10, 12, 14, 16]) {
      const lines = breakThaiLines('ภาครัฐ (Integrity) ภาคส่วนต่าง ๆ ในการ', width, measure);
      expect(
        lines.some((l) => l.trimEnd().endsWith('(')),
        `width ${width}`,
      ).toBe(false);
      expect(
        lines.some((l) => /^[)ๆ ]/.test(l)),
        `width ${width}`,
      ).toBe(false);
    }
  });

  it('never ends a line at a hyphen between two letters (extractors would drop it)', () => {
    const text = 'ระบบบริการออนไลน์ในรูปแบบ e-Service ของงานบริการ COVID-19 ทั้ง ๒ - ๓ ระยะ';
    for (const width of [20, 24, 26, 28, 30, 32, 36]) {
      const lines = breakThaiLines(text, width, measure);
      expect(lines.join('')).toBe(text);
      expect(
        lines.slice(0, -1).filter((l) => /\p{L}-$|\p{N}-$/u.test(l)),
        `width ${width}`,
      ).toEqual([]);
    }
    // A dash between spaces is no hyphen: a line may still break beside it.
    expect(breakThaiLines('ทั้ง ๒ - ๓ ระยะ', 8, measure).join('|')).toContain('- ');
  });

  it('splits a word wider than the line between grapheme clusters, never inside one', () => {
    const word = 'ข้อมูล'.repeat(6);
    const lines = breakThaiLines(word, 7, measure);
    expect(lines.join('')).toBe(word);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.normalize('NFC')).toBe(line);
    // No line starts with a combining mark, which would orphan it from its consonant.
    expect(lines.some((l) => /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(l))).toBe(false);
  });
});
