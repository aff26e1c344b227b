/**
 * Shaping a paragraph once and cutting it into lines. fontkit's shaping
 * (GSUB/GPOS) is the renderer's main cost, and each call pays for a shaping
 * plan; shaping per paragraph instead of per word and per line, and keeping
 * the result for the life of the process, makes a re-render nearly free.
 * Lines end at word boundaries, where no shaping rule reaches across.
 */

import type { EmbeddedFont, Glyph, Position, ShapedGlyphs } from './pdf-exact-text-font.js';

export interface ShapedText extends ShapedGlyphs {
  /** For each glyph, the offset in the text where its characters start. */
  offsets: number[];
  /** Prefix sums of advances (1/1000 em): width of glyphs [i, j) is sums[j] - sums[i]. */
  sums: number[];
}

/** Shaped texts of every font, across renders; cleared whole when it grows large. */
const cache = new Map<string, ShapedText>();
const CACHE_LIMIT = 50_000;
const shapedFonts = new WeakSet<object>();

function codeUnits(codePoints: readonly number[]): number {
  return codePoints.reduce((n, cp) => n + (cp > 0xffff ? 2 : 1), 0);
}

/** Shapes `text` with fontkit, scaled to pdfkit's 1/1000 em units. */
function shapeNow(font: EmbeddedFont, text: string): ShapedText {
  const run = font.font.layout(text);
  const positions: Position[] = run.positions.map((p, i) => ({
    xAdvance: p.xAdvance * font.scale,
    yAdvance: p.yAdvance * font.scale,
    xOffset: p.xOffset * font.scale,
    yOffset: p.yOffset * font.scale,
    advanceWidth: (run.glyphs[i]?.advanceWidth ?? 0) * font.scale,
  }));
  const offsets: number[] = [];
  let at = 0;
  run.glyphs.forEach((glyph: Glyph, index) => {
    const units = codeUnits(glyph.codePoints);
    // A glyph with no text (the second half of ำ) belongs with the glyph
    // before it, so a line is never cut between the two.
    offsets.push(units === 0 && index > 0 ? (offsets[index - 1] ?? at) : at);
    at += units;
  });
  return withSums(run.glyphs, positions, offsets);
}

function withSums(glyphs: Glyph[], positions: Position[], offsets: number[]): ShapedText {
  const sums = [0];
  for (const [i, p] of positions.entries()) sums.push((sums[i] ?? 0) + p.xAdvance);
  return { glyphs, positions, offsets, sums };
}

function remember(key: string, shaped: ShapedText): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, shaped);
}

const keyOf = (font: EmbeddedFont, text: string) => `${font.name}\u0000${text}`;

export function shapeText(font: EmbeddedFont, text: string): ShapedText {
  const key = keyOf(font, text);
  const cached = cache.get(key);
  if (cached) return cached;
  if (!shapedFonts.has(font.font))
    throw new Error('shapeText: install exact text on this font first');
  const shaped = shapeNow(font, text);
  remember(key, shaped);
  return shaped;
}

/**
 * Shapes many texts in one fontkit call (each call pays for a shaping plan)
 * and caches each text's part. Texts are joined by line feeds, across which
 * no Thai or Latin shaping rule reaches; a test checks the parts equal
 * texts shaped one by one.
 */
export function prefetchShaping(font: EmbeddedFont, texts: readonly string[]): void {
  const missing = [...new Set(texts)].filter(
    (t) => !t.includes('\n') && !cache.has(keyOf(font, t)),
  );
  if (missing.length === 0) return;
  const all = shapeNow(font, missing.join('\n'));
  let glyph = 0;
  let start = 0;
  for (const text of missing) {
    const end = start + text.length;
    while (glyph < all.offsets.length && (all.offsets[glyph] ?? 0) < start) glyph++;
    const from = glyph;
    while (glyph < all.offsets.length && (all.offsets[glyph] ?? 0) < end) glyph++;
    remember(
      keyOf(font, text),
      withSums(
        all.glyphs.slice(from, glyph),
        all.positions.slice(from, glyph),
        all.offsets.slice(from, glyph).map((o) => o - start),
      ),
    );
    start = end + 1;
  }
}

/** Forgets every shaping (tests compare fresh shapings). */
export function clearShapingCache(): void {
  cache.clear();
}

/** Marks a font as ready to shape (its glyph cache fixed by installExactText). */
export function allowShaping(font: EmbeddedFont): void {
  shapedFonts.add(font.font);
}

/** First glyph whose text starts at or after `offset`. */
function glyphIndexAt(shaped: ShapedText, offset: number): number {
  let low = 0;
  let high = shaped.offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((shaped.offsets[middle] ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Width in 1/1000 em of the text between two offsets. */
export function widthBetween(shaped: ShapedText, start: number, end: number): number {
  const from = glyphIndexAt(shaped, start);
  const to = glyphIndexAt(shaped, end);
  return (shaped.sums[to] ?? 0) - (shaped.sums[from] ?? 0);
}

/** The glyphs of the text between two offsets. */
export function sliceShaped(shaped: ShapedText, start: number, end: number): ShapedGlyphs {
  const from = glyphIndexAt(shaped, start);
  const to = glyphIndexAt(shaped, end);
  return { glyphs: shaped.glyphs.slice(from, to), positions: shaped.positions.slice(from, to) };
}
