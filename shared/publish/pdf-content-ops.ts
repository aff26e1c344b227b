/**
 * Content-stream operators for a line of text and for outline glyphs,
 * written straight into the page: what pdfkit's text() would emit for a
 * run already shaped and encoded, without its layout, its per-operator
 * buffers, or parsing an SVG path for every outline drawn.
 */

import type { Glyph, PathCommand, Position } from './pdf-exact-text-font.js';

/** Numbers as pdfkit writes them: at most six decimals. */
export function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6;
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
  let x = at.x;
  const y = at.pageHeight - at.y - font.ascender * scale;
  const ops = [
    'q',
    `1 0 0 -1 0 ${pdfNumber(at.pageHeight)} cm`,
    'BT',
    `1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm`,
    `/${font.id} ${pdfNumber(font.size)} Tf`,
  ];
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
  ops.push('ET', 'Q');
  return ops.join('\n');
}

/** Path operators of each glyph's outline (font units), made once per font and glyph id. */
const pathOps = new WeakMap<object, Map<number, string>>();

function outlinePath(commands: readonly PathCommand[]): string {
  const ops: string[] = [];
  let [cx, cy, sx, sy] = [0, 0, 0, 0];
  // Font units: a hundredth of one is far below what any printer resolves.
  const n = (v: number) => Math.round(v * 100) / 100;
  for (const { command, args } of commands) {
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
  return ops.join('\n');
}

/**
 * A glyph of `font` (the fontkit font) drawn as a filled outline at (x, y)
 * of the page (the baseline, in pdfkit's top-down space), `size` points to
 * the em, in the current colour.
 */
export function outlineOps(
  font: { unitsPerEm: number },
  glyph: Glyph,
  at: { x: number; y: number },
  size: number,
): string {
  let paths = pathOps.get(font);
  if (!paths) {
    paths = new Map();
    pathOps.set(font, paths);
  }
  let path = paths.get(glyph.id);
  if (path === undefined) {
    path = outlinePath(glyph.path.commands);
    paths.set(glyph.id, path);
  }
  const scale = size / font.unitsPerEm;
  return `q\n1 0 0 1 ${pdfNumber(at.x)} ${pdfNumber(at.y)} cm\n${pdfNumber(scale)} 0 0 ${pdfNumber(-scale)} 0 0 cm\n${path}\nf\nQ`;
}
