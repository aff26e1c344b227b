/**
 * Shaping text by its clusters. fontkit's shaping (GSUB/GPOS) is the
 * renderer's main cost, paid per glyph and, in a fresh process, in code not
 * yet compiled. Sarabun's Thai rules never reach past a grapheme cluster (a
 * base letter and the marks above and below it), nor across the boundary
 * between Thai and a run of other text; so a text's shaping is the shapings
 * of its clusters laid end to end, and a report of 23,000 characters has
 * only some 300 different clusters to shape. A test checks this equals
 * fontkit shaping whole texts, for the seed and for every Thai letter with
 * every sequence of marks. Runs of other text (Latin, spaces, digits) are
 * shaped whole, so their kerning is kept: composed from the tables where
 * they allow it (latin-pair-table.ts), by fontkit otherwise.
 */

import { PairTable } from './latin-pair-table.js';
import type { EmbeddedFont, Glyph, Position, ShapedGlyphs } from './pdf-exact-text-font.js';
import { SARABUN_LATIN_PAIRS } from './sarabun-latin-pairs.js';
import { SARABUN_THAI_SHAPES } from './sarabun-thai-shapes.js';
import { ShapeTable } from './thai-shape-table.js';

export interface ShapedText extends ShapedGlyphs {
  /** For each glyph, the offset in the text where its characters start. */
  offsets: number[];
  /** Prefix sums of advances (1/1000 em): width of glyphs [i, j) is sums[j] - sums[i]. */
  sums: number[];
}

/** Shaped texts of every font, across renders; cleared whole when it grows large. */
const cache = new Map<string, ShapedText>();
const CACHE_LIMIT = 50_000;
/** Shaped clusters and runs of every font, across renders (a few thousand at most per script). */
const units = new Map<string, ShapedText>();
const UNIT_LIMIT = 200_000;
const shapedFonts = new WeakSet<object>();

function codeUnits(codePoints: readonly number[]): number {
  return codePoints.reduce((n, cp) => n + (cp > 0xffff ? 2 : 1), 0);
}

/** Shapes `text` with fontkit, scaled to pdfkit's 1/1000 em units. */
function shapeNow(font: EmbeddedFont, text: string): ShapedText {
  const run = font.font.layout(text);
  return scaled(font, run.glyphs, run.positions);
}

/** A persisted table per font (PostScript name), read on first use; undefined for a font it lacks. */
function perFont<T>(
  sources: Record<string, string>,
  read: (source: string) => T,
): (font: EmbeddedFont) => T | undefined {
  const tables = new Map<string, T | undefined>();
  return (font) => {
    if (!tables.has(font.name)) {
      const source = sources[font.name];
      tables.set(font.name, source === undefined ? undefined : read(source));
    }
    return tables.get(font.name);
  };
}

const tableOf = perFont(SARABUN_THAI_SHAPES, (source) => new ShapeTable(source));
const pairTableOf = perFont(SARABUN_LATIN_PAIRS, (source) => new PairTable(source));

/** A Thai cluster's shaping from the persisted table, as fontkit would give it. */
function shapeFromTable(font: EmbeddedFont, cluster: string): ShapedText | undefined {
  const glyphs = tableOf(font)?.get(cluster);
  if (!glyphs) return undefined;
  return scaled(
    font,
    glyphs.map((g) => font.font.getGlyph(g.id, g.codePoints)),
    glyphs.map((g) => ({
      xAdvance: g.xAdvance,
      yAdvance: 0,
      xOffset: g.xOffset,
      yOffset: g.yOffset,
    })),
  );
}

/**
 * A run of Latin text composed as fontkit would shape it: each character's
 * glyph from the cluster table, its advance kerned with the next character
 * (latin-pair-table.ts). Undefined when a character is not in the tables or
 * a pair ligates: fontkit shapes that run.
 */
function composeLatinRun(font: EmbeddedFont, run: string): ShapedText | undefined {
  const pairs = pairTableOf(font);
  const table = tableOf(font);
  if (!pairs || !table) return undefined;
  const glyphs: Glyph[] = [];
  const raw: Array<Omit<Position, 'advanceWidth'>> = [];
  for (let i = 0; i < run.length; i++) {
    const [alone, ...more] = table.get(run.charAt(i)) ?? [];
    if (!alone || more.length > 0) return undefined;
    const kerning = i + 1 < run.length ? pairs.kerning(run.slice(i, i + 2)) : 0;
    if (kerning === undefined) return undefined;
    glyphs.push(font.font.getGlyph(alone.id, alone.codePoints));
    raw.push({
      xAdvance: alone.xAdvance + kerning,
      yAdvance: 0,
      xOffset: alone.xOffset,
      yOffset: alone.yOffset,
    });
  }
  return scaled(font, glyphs, raw);
}

/** A run in pdfkit's 1/1000 em units, with each glyph's offset in the text. */
function scaled(
  font: EmbeddedFont,
  glyphs: Glyph[],
  raw: ReadonlyArray<Omit<Position, 'advanceWidth'>>,
): ShapedText {
  const positions: Position[] = raw.map((p, i) => ({
    xAdvance: p.xAdvance * font.scale,
    yAdvance: p.yAdvance * font.scale,
    xOffset: p.xOffset * font.scale,
    yOffset: p.yOffset * font.scale,
    advanceWidth: (glyphs[i]?.advanceWidth ?? 0) * font.scale,
  }));
  const offsets: number[] = [];
  let at = 0;
  glyphs.forEach((glyph: Glyph, index) => {
    const units = codeUnits(glyph.codePoints);
    // A glyph with no text (the second half of ำ) belongs with the glyph
    // before it, so a line is never cut between the two.
    offsets.push(units === 0 && index > 0 ? (offsets[index - 1] ?? at) : at);
    at += units;
  });
  return withSums(glyphs, positions, offsets);
}

function withSums(glyphs: Glyph[], positions: Position[], offsets: number[]): ShapedText {
  const sums = [0];
  for (const [i, p] of positions.entries()) sums.push((sums[i] ?? 0) + p.xAdvance);
  return { glyphs, positions, offsets, sums };
}

const isThai = (code: number) => code >= 0x0e00 && code <= 0x0e7f;
/**
 * Thai marks above and below, ำ, and ๅ (which ligates with ฤ and ฦ): they
 * belong to the letter before them.
 */
const isThaiMark = (code: number) =>
  code === 0x0e31 ||
  (code >= 0x0e33 && code <= 0x0e3a) ||
  code === 0x0e45 ||
  (code >= 0x0e47 && code <= 0x0e4e);

/**
 * The text cut into what is shaped on its own: each Thai letter with its
 * marks, and each run of other characters (a mark after one stays with it).
 */
export function shapingUnits(text: string): string[] {
  const found: string[] = [];
  let start = 0;
  let thai = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isThaiMark(code) || (!thai && !isThai(code) && i > 0)) continue;
    // A Thai letter starts a cluster; other text after Thai starts a run.
    if (i > start) found.push(text.slice(start, i));
    start = i;
    thai = isThai(code);
  }
  if (text.length > start) found.push(text.slice(start));
  return found;
}

const keyOf = (font: EmbeddedFont, text: string) => `${font.name}\u0000${text}`;

/**
 * Shapes the clusters and runs not yet known in one fontkit call (each
 * call pays for a shaping plan), joined by line feeds, across which no
 * Thai or Latin shaping rule reaches.
 */
function shapeUnits(font: EmbeddedFont, pieces: Iterable<string>): void {
  if (units.size > UNIT_LIMIT) units.clear();
  const missing: string[] = [];
  for (const piece of new Set(pieces)) {
    const key = keyOf(font, piece);
    if (units.has(key)) continue;
    const known = shapeFromTable(font, piece) ?? composeLatinRun(font, piece);
    if (known) units.set(key, known);
    else missing.push(piece);
  }
  if (missing.length === 0) return;
  const all = shapeNow(font, missing.join('\n'));
  let glyph = 0;
  let start = 0;
  for (const text of missing) {
    const end = start + text.length;
    while (glyph < all.offsets.length && (all.offsets[glyph] ?? 0) < start) glyph++;
    const from = glyph;
    while (glyph < all.offsets.length && (all.offsets[glyph] ?? 0) < end) glyph++;
    units.set(
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

/** A text's shaping: its units' shapings end to end. */
function joinUnits(font: EmbeddedFont, pieces: readonly string[]): ShapedText {
  const glyphs: Glyph[] = [];
  const positions: Position[] = [];
  const offsets: number[] = [];
  const sums = [0];
  let at = 0;
  for (const piece of pieces) {
    const shaped = units.get(keyOf(font, piece));
    if (!shaped) throw new Error('shapeText: a unit was not shaped');
    for (let i = 0; i < shaped.glyphs.length; i++) {
      const position = shaped.positions[i] as Position;
      glyphs.push(shaped.glyphs[i] as Glyph);
      positions.push(position);
      offsets.push((shaped.offsets[i] ?? 0) + at);
      sums.push((sums.at(-1) ?? 0) + position.xAdvance);
    }
    at += piece.length;
  }
  return { glyphs, positions, offsets, sums };
}

export function shapeText(font: EmbeddedFont, text: string): ShapedText {
  const key = keyOf(font, text);
  const cached = cache.get(key);
  if (cached) return cached;
  if (!shapedFonts.has(font.font))
    throw new Error('shapeText: install exact text on this font first');
  const pieces = shapingUnits(text);
  shapeUnits(font, pieces);
  const shaped = joinUnits(font, pieces);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, shaped);
  return shaped;
}

/** Shapes the clusters of many texts in one fontkit call, ahead of drawing them. */
export function prefetchShaping(font: EmbeddedFont, texts: readonly string[]): void {
  shapeUnits(
    font,
    texts.flatMap((text) => (cache.has(keyOf(font, text)) ? [] : shapingUnits(text))),
  );
}

/** Forgets every shaping (tests compare fresh shapings). */
export function clearShapingCache(): void {
  cache.clear();
  units.clear();
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

/**
 * Each shaping's slices, by glyph range: a line cut again from the same
 * paragraph is the same object, so what is derived from it (the encoded
 * run of pdf-exact-text-font.ts) is made once. Held as long as the shaping is.
 */
const slices = new WeakMap<ShapedText, Map<number, ShapedGlyphs>>();

/** The glyphs of the text between two offsets (the same object for the same range). */
export function sliceShaped(shaped: ShapedText, start: number, end: number): ShapedGlyphs {
  const from = glyphIndexAt(shaped, start);
  const to = glyphIndexAt(shaped, end);
  let known = slices.get(shaped);
  if (!known) {
    known = new Map();
    slices.set(shaped, known);
  }
  const key = from * 0x100000 + to;
  let slice = known.get(key);
  if (!slice) {
    slice = { glyphs: shaped.glyphs.slice(from, to), positions: shaped.positions.slice(from, to) };
    known.set(key, slice);
  }
  return slice;
}
