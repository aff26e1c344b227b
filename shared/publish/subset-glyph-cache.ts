/**
 * fontkit's TrueType subset, made cheaper for a parsed font that serves
 * many documents. Each document embeds a subset of Sarabun, and fontkit's
 * `_addGlyph` parses every glyph it copies (to find the parts of a
 * composite glyph) and reads its metrics, once per glyph and document. A
 * glyph's bytes, parts and metrics are facts of the font file, so they are
 * read once per parsed font here; each document still numbers its subset
 * itself, in the order it uses glyphs, so its bytes are the same as before.
 *
 * These are internals of fontkit 2 (TTFSubset._addGlyph); the PDF tests
 * extract text from real PDFs and pin the bytes of a render, so a change
 * there fails loudly.
 */

/** What a glyph contributes to any subset: its glyf bytes, its components, its metrics. */
interface GlyphRecord {
  bytes: Uint8Array;
  /** A composite glyph's parts: each part's glyph id and where in `bytes` it is written. */
  components: Array<{ glyphID: number; pos: number }>;
  advance: number;
  bearing: number;
}

/** The parts of fontkit's font and TTFSubset this module reads and writes. */
interface TrueTypeFont {
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  getGlyph(id: number): {
    advanceWidth: number;
    _decode(): { numberOfContours: number; components?: Array<{ glyphID: number; pos: number }> };
    _getMetrics(): { leftBearing: number };
  };
}

export interface TrueTypeSubset {
  font: TrueTypeFont;
  glyf?: Uint8Array[];
  loca?: { offsets: number[] };
  hmtx?: { metrics: Array<{ advance: number; bearing: number }> };
  offset?: number;
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
}

const records = new WeakMap<object, Map<number, GlyphRecord>>();

function readRecord(font: TrueTypeFont, id: number): GlyphRecord {
  const glyph = font.getGlyph(id);
  const decoded = glyph._decode();
  const start = font.loca.offsets[id] ?? 0;
  const end = font.loca.offsets[id + 1] ?? start;
  const stream = font._getTableStream('glyf');
  stream.pos += start;
  return {
    bytes: stream.readBuffer(end - start),
    components: decoded && decoded.numberOfContours < 0 ? (decoded.components ?? []) : [],
    advance: glyph.advanceWidth,
    bearing: glyph._getMetrics().leftBearing,
  };
}

/** Makes `subset` (one document's) copy glyphs from records kept with its parsed font. */
export function cacheSubsetGlyphs(subset: TrueTypeSubset): void {
  const { font } = subset;
  // A variable font's glyphs are re-encoded per instance, and a CFF subset has no _addGlyph.
  if (font._variationProcessor || typeof subset._addGlyph !== 'function') return;
  let known = records.get(font);
  if (!known) {
    known = new Map();
    records.set(font, known);
  }
  const cache = known;
  subset._addGlyph = function addGlyph(this: TrueTypeSubset, id: number): number {
    let record = cache.get(id);
    if (!record) {
      record = readRecord(font, id);
      cache.set(id, record);
    }
    let bytes = record.bytes;
    if (record.components.length > 0) {
      // The parts are numbered in this subset: a copy of the bytes with their ids written in.
      bytes = new Uint8Array(bytes);
      const view = new DataView(bytes.buffer);
      for (const component of record.components)
        view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    }
    const glyf = this.glyf as Uint8Array[];
    const offset = this.offset ?? 0;
    glyf.push(bytes);
    this.loca?.offsets.push(offset);
    this.hmtx?.metrics.push({ advance: record.advance, bearing: record.bearing });
    this.offset = offset + bytes.length;
    return glyf.length - 1;
  };
}
