/**
 * Content-stream operators for a line of text, and the paths of outline
 * glyphs, written straight into the page: what pdfkit's text() would emit
 * for a run already shaped and encoded, without its layout, its
 * per-operator buffers, or parsing an SVG path for every outline drawn.
 */

import type { Glyph, PathCommand, Position } from './pdf-exact-text-font.js';

/** Numbers as pdfkit writes them: at most six decimals. */
export function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Where a run without offsets cuts its TJ array (after each glyph whose
 * advance differs from its width) and the adjustment written there: the
 * same for every drawing of a run, so found once per positions array.
 */
interface Segments {
  ends: number[];
  adjusts: string[];
}
const segmentsOf = new WeakMap<readonly Position[], Segments | null>();

function segmentsFor(positions: readonly Position[]): Segments | null {
  let segments = segmentsOf.get(positions);
  if (segments !== undefined) return segments;
  segments = { ends: [], adjusts: [] };
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i] as Position;
    if (position.xOffset || position.yOffset) {
      // A glyph moved off the line needs a text matrix of its own: the general path.
      segments = null;
      break;
    }
    const advance = position.xAdvance - position.advanceWidth;
    if (advance !== 0 || i === positions.length - 1) {
      segments.ends.push(i + 1);
      segments.adjusts.push(String(pdfNumber(-advance)));
    }
  }
  segmentsOf.set(positions, segments);
  return segments;
}

/**
 * A text object drawing `encoded` glyphs from (x, y), y being the top of the
 * line in pdfkit's top-down page space; `ascender` in 1/1000 em puts the
 * baseline. Glyphs with an offset get a text matrix of their own, as pdfkit does.
 */
export function textRunOps(
  run: { encoded: readonly string[]; positions: readonly Position[] },
  at: { x: number; y: number; pageHeight: number },
  font: { id: string; size: number; ascender: number },
): string {
  const { encoded, positions } = run;
  const scale = font.size / 1000;
  const y = at.pageHeight - at.y - font.ascender * scale;
  const head = `q\n1 0 0 -1 0 ${pdfNumber(at.pageHeight)} cm\nBT\n1 0 0 1 ${pdfNumber(at.x)} ${pdfNumber(y)} Tm\n/${font.id} ${pdfNumber(font.size)} Tf`;
  const segments = segmentsFor(positions);
  if (!segments) return `${head}\n${offsetRunOps(encoded, positions, at.x, y, scale)}ET\nQ`;
  if (segments.ends.length === 0) return `${head}\nET\nQ`;
  // One TJ: the hex glyph ids of each segment, then its adjustment.
  let tj = '[';
  let start = 0;
  for (let s = 0; s < segments.ends.length; s++) {
    const end = segments.ends[s] as number;
    // join makes one flat string; += would chain a string per glyph for Buffer.from to walk.
    const hex = (start === 0 && end === encoded.length ? encoded : encoded.slice(start, end)).join(
      '',
    );
    tj += `${s > 0 ? ' ' : ''}<${hex}> ${segments.adjusts[s]}`;
    start = end;
  }
  return `${head}\n${tj}] TJ\nET\nQ`;
}

/** The operators of a run with glyphs moved off the line, each line of them ending in a line feed. */
function offsetRunOps(
  encoded: readonly string[],
  positions: readonly Position[],
  startX: number,
  y: number,
  scale: number,
): string {
  let x = startX;
  const ops: string[] = [];
  const segments: string[] = [];
  let last = 0;
  const addSegment = (end: number) => {
    if (last < end) {
      const position = positions[end - 1] as Position;
      const advance = position.xAdvance - position.advanceWidth;
      segments.push(`<${encoded.slice(last, end).join('')}> ${pdfNumber(-advance)}`);
    }
    last = end;
  };
  const flush = (end: number) => {
    addSegment(end);
    if (segments.length > 0) {
      ops.push(`[${segments.join(' ')}] TJ`);
      segments.length = 0;
    }
  };
  let hadOffset = false;
  positions.forEach((position, i) => {
    if (position.xOffset || position.yOffset) {
      flush(i);
      ops.push(
        `1 0 0 1 ${pdfNumber(x + position.xOffset * scale)} ${pdfNumber(y + position.yOffset * scale)} Tm`,
      );
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        ops.push(`1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm`);
        hadOffset = false;
      }
      if (position.xAdvance - position.advanceWidth !== 0) addSegment(i + 1);
    }
    x += position.xAdvance * scale;
  });
  flush(positions.length);
  return ops.map((op) => `${op}\n`).join('');
}

/** A glyph's outline as path operators (font units, y up), and a box around it. */
export interface GlyphOutline {
  path: string;
  /** Lower left and upper right corners in font units, enclosing every point of the path. */
  box: [number, number, number, number];
}

/** Each glyph's outline, made once per font and glyph id. */
const outlinesOf = new WeakMap<object, Map<number, GlyphOutline>>();

function outlinePath(commands: readonly PathCommand[]): GlyphOutline {
  const ops: string[] = [];
  let [cx, cy, sx, sy] = [0, 0, 0, 0];
  const box: [number, number, number, number] = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  // Font units: a hundredth of one is far below what any printer resolves.
  const n = (v: number) => Math.round(v * 100) / 100;
  for (const { command, args } of commands) {
    // Control points included: the curves lie inside the box of all their points.
    for (let i = 0; i + 1 < args.length; i += 2) {
      const [x = 0, y = 0] = [args[i], args[i + 1]];
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = args;
    switch (command) {
      case 'moveTo':
        ops.push(`${n(a)} ${n(b)} m`);
        [cx, cy, sx, sy] = [a, b, a, b];
        break;
      case 'lineTo':
        ops.push(`${n(a)} ${n(b)} l`);
        [cx, cy] = [a, b];
        break;
      case 'quadraticCurveTo':
        // PDF has cubic curves only: the same curve, its control points two thirds of the way.
        ops.push(
          `${n(cx + (2 / 3) * (a - cx))} ${n(cy + (2 / 3) * (b - cy))} ${n(c + (2 / 3) * (a - c))} ${n(d + (2 / 3) * (b - d))} ${n(c)} ${n(d)} c`,
        );
        [cx, cy] = [c, d];
        break;
      case 'bezierCurveTo':
        ops.push(`${n(a)} ${n(b)} ${n(c)} ${n(d)} ${n(e)} ${n(f)} c`);
        [cx, cy] = [e, f];
        break;
      case 'closePath':
        ops.push('h');
        [cx, cy] = [sx, sy];
        break;
    }
  }
  // A whole unit beyond the points, so rounding never clips an edge; an empty glyph gets an empty box.
  const whole: [number, number, number, number] = Number.isFinite(box[0])
    ? [Math.floor(box[0]) - 1, Math.floor(box[1]) - 1, Math.ceil(box[2]) + 1, Math.ceil(box[3]) + 1]
    : [0, 0, 0, 0];
  return { path: ops.join('\n'), box: whole };
}

/** The outline of `glyph` of `font` (the fontkit font), made once per glyph. */
export function glyphOutline(font: object, glyph: Glyph): GlyphOutline {
  let outlines = outlinesOf.get(font);
  if (!outlines) {
    outlines = new Map();
    outlinesOf.set(font, outlines);
  }
  let outline = outlines.get(glyph.id);
  if (outline === undefined) {
    outline = outlinePath(glyph.path.commands);
    outlines.set(glyph.id, outline);
  }
  return outline;
}
