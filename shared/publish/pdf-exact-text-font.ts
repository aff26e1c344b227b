/**
 * Exact text extraction for Thai in pdfkit.
 *
 * Sarabun's GSUB decomposes SARA AM (ำ) into two glyphs, NIKHAHIT + SARA AA,
 * so that a tone mark can sit between them (น้ำ). A PDF maps each glyph to
 * text once, through the font's ToUnicode table, and pdfkit fills that table
 * with the first text it sees for a glyph. The SARA AA glyph then stands for
 * both "า" and half of "ำ", and every text extractor reads one of them wrong
 * ("ำา", or a stray control character). Marked-content ActualText would fix
 * this only for readers that honour it (poppler), not for those that only
 * read glyphs (pdf.js, most search indexers).
 *
 * Underneath lies a second fault: fontkit caches one Glyph object per glyph
 * id with the code points of its *first* use, so after "ำ" has been laid out
 * once, every later "า" claims to carry no text. getGlyph is wrapped so each
 * use gets its own code points (sharing the cached outline and metrics).
 *
 * The fix here works for every reader. fontkit marks the second glyph of a
 * decomposition as carrying no text; such a "tail" glyph takes over the
 * text of its "head" (so ำ's SARA AA glyph maps to "ำ"), and the head glyph
 * is drawn as a vector outline instead of text, at exactly the place the
 * shaper put it. A glyph used with two different texts (or widths) gets a
 * duplicate glyph id in the subset, so each id has one meaning.
 */

/** The parts of a fontkit glyph this module uses. */
export interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
  path: { commands: PathCommand[] };
}

/** One step of a glyph outline, in font units (y up), as fontkit gives it. */
export interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}

export interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/**
 * pdfkit's EmbeddedFont, whose `encode` we replace. These are internals of
 * pdfkit 0.20 (js/pdfkit.js, class EmbeddedFont); the unit tests extract
 * text from real PDFs, so a change there fails loudly rather than silently.
 */
export interface EmbeddedFont {
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: Position[] };
  subset: { includeGlyph(id: number): number; glyphs: number[] };
  widths: number[];
  unicode: number[][];
  scale: number;
  name: string;
  font: {
    unitsPerEm: number;
    glyphForCodePoint(codePoint: number): { id: number };
    getGlyph(id: number, codePoints?: number[]): Glyph;
    layout(text: string): { glyphs: Glyph[]; positions: Position[] };
  };
  encode(text: string, features?: unknown): [string[], Position[]];
  /** The font's resource name in a page (F1, F2 …) and its dictionary reference. */
  id: string;
  ref(): unknown;
  ascender: number;
}

/** A head glyph to draw as an outline, positioned in 1/1000 em from the run's origin. */
export interface OutlineGlyph {
  glyph: Glyph;
  x: number;
  y: number;
  /** Font units per em, to scale the outline. */
  unitsPerEm: number;
}

/** A run as the PDF draws it: subset glyph ids (hex), their placement, and the outlines. */
export interface EncodedRun {
  encoded: string[];
  positions: Position[];
  outlines: OutlineGlyph[];
}

export interface ExactTextFont {
  /** Encodes a shaped run: text glyphs in the subset, decomposition heads and raised marks as outlines. */
  encodeGlyphs(run: ShapedGlyphs): EncodedRun;
}

/** Subset ids as four hex digits, made once per id for every render (asked per glyph drawn). */
const hexIds: string[] = [];
const hex4 = (n: number) => {
  hexIds[n] ??= n.toString(16).padStart(4, '0');
  return hexIds[n];
};

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

const unpoisoned = new WeakSet<object>();

/** Gives every use of a glyph its own code points (see the second fault above); once per font. */
export function unpoisonGlyphCache(font: EmbeddedFont['font']): void {
  // A parsed font serves many documents (pdf-text-writer.ts): wrap its getGlyph once.
  if (unpoisoned.has(font)) return;
  unpoisoned.add(font);
  const cachedGetGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    const shared = cachedGetGlyph(id, codePoints);
    if (!shared || sameCodePoints(shared.codePoints, codePoints)) return shared;
    // Inherits the outline and metrics; only the text differs.
    return Object.create(shared, { codePoints: { value: codePoints, enumerable: true } });
  };
}

/** A glyph run already shaped by the caller, in pdfkit's 1/1000 em units. */
export interface ShapedGlyphs {
  glyphs: Glyph[];
  positions: Position[];
}

/**
 * One glyph as the PDF uses it: its outline, the text it stands for and
 * its width. Interned per parsed font, so a use is the same object in
 * every document; `serial` numbers it for the documents' subset ids.
 */
interface GlyphUse {
  glyph: Glyph;
  codePoints: number[];
  width: number;
  serial: number;
}

/**
 * A shaped run with every choice of encodeGlyphs made (which glyphs are
 * outlines, which text each glyph carries, their widths): nothing in it
 * depends on the document, so it is made once per run and font.
 */
interface RunPlan {
  uses: GlyphUse[];
  positions: Position[];
  outlines: OutlineGlyph[];
}

/** What a parsed font (shared by documents) remembers: glyph uses, the cmap, each run's plan. */
interface FontPlans {
  uses: Map<number, GlyphUse[]>;
  serials: number;
  cmapGlyph: Map<number, number>;
  runs: WeakMap<ShapedGlyphs, RunPlan>;
}

const fontPlans = new WeakMap<object, FontPlans>();

function plansFor(font: EmbeddedFont['font']): FontPlans {
  let plans = fontPlans.get(font);
  if (!plans) {
    plans = { uses: new Map(), serials: 0, cmapGlyph: new Map(), runs: new WeakMap() };
    fontPlans.set(font, plans);
  }
  return plans;
}

function glyphUse(plans: FontPlans, glyph: Glyph, codePoints: number[], width: number): GlyphUse {
  let uses = plans.uses.get(glyph.id);
  if (!uses) {
    uses = [];
    plans.uses.set(glyph.id, uses);
  }
  const known = uses.find((u) => u.width === width && sameCodePoints(u.codePoints, codePoints));
  if (known) return known;
  const use = { glyph, codePoints, width, serial: plans.serials++ };
  uses.push(use);
  return use;
}

/** A glyph whose text maps (through cmap) to another glyph was substituted. */
function isSubstituted(font: EmbeddedFont['font'], plans: FontPlans, glyph: Glyph): boolean {
  const first = glyph.codePoints[0];
  if (first === undefined) return false;
  let id = plans.cmapGlyph.get(first);
  if (id === undefined) {
    id = font.glyphForCodePoint(first).id;
    plans.cmapGlyph.set(first, id);
  }
  return id !== glyph.id;
}

/** Decides, once per run, how each of its glyphs is drawn (see the fix described above). */
function planRun(font: EmbeddedFont['font'], plans: FontPlans, run: ShapedGlyphs): RunPlan {
  const { glyphs, positions } = run;
  const outlines: OutlineGlyph[] = [];
  const kept: Array<{ glyph: Glyph; codePoints: number[]; position: Position }> = [];
  let pendingHead: number[] | undefined;
  let x = 0;
  const drawAsOutline = (glyph: Glyph, position: Position) => {
    outlines.push({
      glyph,
      x: x + position.xOffset,
      y: position.yOffset,
      unitsPerEm: font.unitsPerEm,
    });
    // The glyph leaves the text flow; its advance (a mark's is 0) goes to its neighbour.
    const previous = kept.at(-1);
    if (previous) previous.position.xAdvance += position.xAdvance;
  };
  glyphs.forEach((glyph, index) => {
    const position = { ...(positions[index] as Position) };
    const next = glyphs[index + 1];
    // fontkit gives a 1→2 substitution's text to the first glyph and none
    // to the second, which always follows it directly (ำ → ํ + า).
    if (isSubstituted(font, plans, glyph) && next !== undefined && next.codePoints.length === 0) {
      drawAsOutline(glyph, position);
      pendingHead = glyph.codePoints;
    } else if (position.yOffset !== 0 && kept.length > 0) {
      // A mark raised or lowered (a tone above an upper vowel): pdfkit would
      // move the text matrix there and back, which readers take for a gap.
      // Drawn as an outline, its text joins the glyph before it.
      drawAsOutline(glyph, position);
      const previous = kept.at(-1);
      if (previous) previous.codePoints = [...previous.codePoints, ...glyph.codePoints];
    } else {
      let codePoints = glyph.codePoints;
      if (codePoints.length === 0 && pendingHead) {
        codePoints = pendingHead;
        pendingHead = undefined;
      }
      const previous = kept.at(-1);
      if (position.xAdvance === 0 && position.xOffset !== 0 && previous) {
        // A mark shifted sideways: kerning the previous glyph and giving the
        // mark the width that returns the pen draws the same, with no jump
        // of the text matrix for a reader to mistake for a space.
        previous.position.xAdvance += position.xOffset;
        position.xAdvance = -position.xOffset;
        position.xOffset = 0;
      }
      kept.push({ glyph, codePoints, position });
    }
    x += (positions[index] as Position).xAdvance;
  });
  const uses: GlyphUse[] = [];
  const placed: Position[] = [];
  for (const { glyph, codePoints, position } of kept) {
    // A mark's width is its advance (0, or the pen's return above), so the
    // PDF's widths agree with where the next glyph is drawn.
    const width =
      position.xAdvance === 0 || position.advanceWidth === 0
        ? position.xAdvance
        : position.advanceWidth;
    uses.push(glyphUse(plans, glyph, codePoints, width));
    placed.push({ ...position, advanceWidth: width });
  }
  return { uses, positions: placed, outlines };
}

/**
 * Makes `font` encode exactly: the writer hands it runs it has shaped
 * (encodeGlyphs). A run's plan is kept with the parsed font, so a run
 * drawn again, in this document or a later one, only looks up its glyphs'
 * subset ids.
 */
export function installExactText(font: EmbeddedFont): ExactTextFont {
  unpoisonGlyphCache(font.font);
  const plans = plansFor(font.font);
  /** A glyph use's subset id in this document, by serial. */
  const subsetIds: number[] = [];
  /** Original glyph ids this document's subset already holds a copy of. */
  const inSubset = new Set<number>();

  function subsetIdFor(use: GlyphUse): number {
    const known = subsetIds[use.serial];
    if (known !== undefined) return known;
    let gid: number;
    if (!inSubset.has(use.glyph.id)) {
      inSubset.add(use.glyph.id);
      gid = font.subset.includeGlyph(use.glyph.id);
    } else {
      // Same outline, different text or width: a second copy of the glyph in the subset.
      font.subset.glyphs.push(use.glyph.id);
      gid = font.subset.glyphs.length - 1;
    }
    font.unicode[gid] = use.codePoints;
    font.widths[gid] = use.width;
    subsetIds[use.serial] = gid;
    return gid;
  }

  function encodeGlyphs(run: ShapedGlyphs): EncodedRun {
    let plan = plans.runs.get(run);
    if (!plan) {
      plan = planRun(font.font, plans, run);
      plans.runs.set(run, plan);
    }
    const encoded: string[] = new Array(plan.uses.length);
    for (let i = 0; i < plan.uses.length; i++)
      encoded[i] = hex4(subsetIdFor(plan.uses[i] as GlyphUse));
    return { encoded, positions: plan.positions, outlines: plan.outlines };
  }

  // pdfkit's own text() would leave out the outline glyphs: text goes through PdfTextWriter.
  font.encode = () => {
    throw new Error('draw Sarabun text with PdfTextWriter, not pdfkit text()');
  };

  return { encodeGlyphs };
}
