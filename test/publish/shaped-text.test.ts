import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { breakThaiLines } from '../../shared/publish/break-thai-lines.js';
import { freshLatinPairs, freshThaiShapes } from '../../shared/publish/generate-thai-shapes.js';
import type { EmbeddedFont } from '../../shared/publish/pdf-exact-text-font.js';
import { PdfTextWriter } from '../../shared/publish/pdf-text-writer.js';
import { loadSarabun } from '../../shared/publish/sarabun-fonts.js';
import { SARABUN_LATIN_PAIRS } from '../../shared/publish/sarabun-latin-pairs.js';
import { SARABUN_THAI_SHAPES } from '../../shared/publish/sarabun-thai-shapes.js';
import {
  clearShapingCache,
  prefetchShaping,
  shapeText,
  shapingUnits,
} from '../../shared/publish/shaped-text.js';
import { LATIN_RUN_CHARACTERS, thaiClusters } from '../../shared/publish/thai-shape-table.js';
import { reportBlocks } from '../../shared/report/report-blocks.js';
import { seedReport } from '../helpers/seed-round.js';

/** A font as the PDF writer prepares it, in a throwaway document. */
function preparedFont(name: 'regular' | 'bold' = 'regular'): EmbeddedFont {
  const fonts = loadSarabun();
  const doc = new PDFDocument({ font: Buffer.from(fonts.regular) as never });
  new PdfTextWriter(doc, { left: 72, right: 72, top: 72, bottom: 72 }, fonts);
  doc.font(name);
  // biome-ignore lint/suspicious/noExplicitAny: pdfkit's current font is not in its typings.
  return (doc as any)._font;
}

/** What fontkit gives shaping the whole text at once, in pdfkit's units. */
function shapedWhole(font: EmbeddedFont, text: string) {
  const run = font.font.layout(text);
  return {
    ids: run.glyphs.map((g) => g.id),
    codePoints: run.glyphs.map((g) => g.codePoints),
    positions: run.positions.map((p) =>
      [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset].map((v) => v * font.scale),
    ),
  };
}

/** Every Thai letter with every sequence of marks it takes, each next to every other letter. */
function thaiCorpus(): string[] {
  const letters = Array.from({ length: 0x2e }, (_, i) => String.fromCharCode(0x0e01 + i));
  const upper = ['', 'ั', 'ิ', 'ี', 'ึ', 'ื', '็'];
  const lower = ['ุ', 'ู', 'ฺ'];
  const tones = ['', '่', '้', '๊', '๋', '์', 'ํ'];
  const marks = [
    ...upper.flatMap((u) => tones.map((t) => u + t)),
    ...lower.flatMap((l) => tones.map((t) => l + t)),
    ...tones.map((t) => `${t}ำ`),
  ];
  const leading = ['', 'เ', 'แ', 'โ', 'ใ', 'ไ'];
  const texts: string[] = [];
  for (const mark of marks) {
    // Each letter beside the next and, reversed, beside the one before; with and without a leading vowel.
    for (const lead of leading) texts.push(letters.map((l) => lead + l + mark).join(''));
    texts.push(
      [...letters]
        .reverse()
        .map((l) => `${l + mark}า`)
        .join(''),
    );
  }
  texts.push('ฤ ฦ ฤๅ ฦๅ ฯ ๆ ๏ ๚ ๛ ฿ ๐๑๒๓๔๕๖๗๘๙ a่ (ก้า) “ป่ำ” OK-ญู ฐู TV1ก');
  return texts;
}

/**
 * Runs of Latin text between Thai words: every pair of the characters
 * composed from the tables (in runs that chain them), random runs from a
 * fixed seed, and words with the ligatures fi and fl, which fontkit shapes.
 */
function latinCorpus(): string[] {
  const characters = LATIN_RUN_CHARACTERS;
  const texts = characters.map((first) => ` ${characters.map((c) => first + c).join('')} `);
  let state = 12;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state;
  };
  for (let i = 0; i < 300; i++) {
    const length = 2 + (next() % 24);
    texts.push(Array.from({ length }, () => characters[next() % characters.length]).join(''));
  }
  texts.push('ก (Office of the Official Information) ข', 'ค fiscal flow “fi” ง', 'VAT, AV.’ Ty');
  return texts;
}

describe('shaping by clusters', () => {
  it('gives every seed paragraph and every Thai cluster the glyphs and positions fontkit gives the whole text', () => {
    // Prepare: the texts, and for each font the reference shaping of each text whole.
    const seedTexts = [...reportBlocks(seedReport())].flatMap((b) =>
      b.kind === 'point' || b.kind === 'paragraph' || b.kind === 'item'
        ? [`${'label' in b ? `${b.label} ` : ''}${b.text} `]
        : [],
    );
    const texts = [...seedTexts, ...thaiCorpus(), ...latinCorpus()];
    for (const name of ['regular', 'bold'] as const) {
      clearShapingCache();
      const font = preparedFont(name);
      const whole = texts.map((t) => shapedWhole(font, t));

      // Act: one batch for all, then each text from its clusters.
      prefetchShaping(font, texts);
      const clustered = texts.map((t) => shapeText(font, t));

      // Assess
      texts.forEach((text, index) => {
        const shaped = clustered[index];
        expect(
          shaped?.glyphs.map((g) => g.id),
          `${name}: ${text.slice(0, 40)}`,
        ).toEqual(whole[index]?.ids);
        // The text each glyph stands for, which the PDF's ToUnicode map is made from.
        expect(
          shaped?.glyphs.map((g) => g.codePoints),
          `${name}: ${text.slice(0, 40)}`,
        ).toEqual(whole[index]?.codePoints);
        expect(
          shaped?.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
          `${name}: ${text.slice(0, 40)}`,
        ).toEqual(whole[index]?.positions);
        expect(shaped?.offsets.at(-1)).toBeLessThan(text.length);
      });
    }
    expect(texts.length).toBeGreaterThan(300);
  });

  it('keeps a table of every Thai cluster equal to what fontkit gives it today (regenerate: see generate-thai-shapes.ts)', () => {
    const fresh = freshThaiShapes();
    expect(Object.keys(fresh).sort()).toEqual(['Sarabun-Bold', 'Sarabun-Regular']);
    for (const [name, table] of Object.entries(fresh)) {
      expect(SARABUN_THAI_SHAPES[name] === table, name).toBe(true);
    }
    expect(thaiClusters().length).toBeGreaterThan(3000);
  });

  it('keeps a table of every Latin pair that kerns or ligates equal to what fontkit gives today', () => {
    const fresh = freshLatinPairs();
    expect(Object.keys(fresh).sort()).toEqual(['Sarabun-Bold', 'Sarabun-Regular']);
    for (const [name, table] of Object.entries(fresh)) {
      expect(SARABUN_LATIN_PAIRS[name] === table, name).toBe(true);
      // fi and fl ligate (fontkit shapes those runs); many pairs kern.
      expect(table).toContain('fi\t*');
      expect(table.split('\n').length).toBeGreaterThan(100);
    }
  });

  it('lays out all the seed report text without running the fontkit shaper', () => {
    const texts = [...reportBlocks(seedReport())].flatMap((b) =>
      'text' in b ? [b.text, `${'label' in b ? `${b.label} ` : ''}${b.text} `] : [],
    );
    for (const name of ['regular', 'bold'] as const) {
      clearShapingCache();
      const font = preparedFont(name);
      const layout = font.font.layout.bind(font.font);
      let calls = 0;
      font.font.layout = (text) => {
        calls++;
        return layout(text);
      };
      prefetchShaping(font, texts);
      for (const text of texts) shapeText(font, text);
      expect(calls, name).toBe(0);
      // A ligature still goes to fontkit.
      shapeText(font, ' (fiscal) ');
      expect(calls, name).toBe(1);
    }
  });

  it('cuts text into Thai clusters and runs of other text, losing nothing', () => {
    const text = 'น้ำ ที่ OK-ญู (ITA) ๑๒.๕% ไม่';
    const units = shapingUnits(text);
    expect(units.join('')).toBe(text);
    expect(units).toEqual([
      'น้ำ',
      ' ',
      'ที่',
      ' OK-',
      'ญู',
      ' (ITA) ',
      '๑',
      '๒',
      '.',
      '๕',
      '% ',
      'ไ',
      'ม่',
    ]);
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
