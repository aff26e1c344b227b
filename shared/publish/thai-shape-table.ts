/**
 * Sarabun's shaping of every Thai cluster, kept with the code so that a
 * fresh process draws Thai without running fontkit's shaper (GSUB/GPOS
 * tables decoded and applied in code not yet compiled: the largest part of
 * a cold render). shaped-text.ts cuts text into clusters, and a cluster's
 * shaping never depends on its neighbours; a test checks the table equals
 * what fontkit gives today, so a change of font or fontkit fails it.
 * sarabun-thai-shapes.ts holds the table; generate-thai-shapes.ts writes it.
 */

/** Thai letters that take marks: the consonants, ฤ and ฦ among them. */
const LETTERS = Array.from({ length: 0x2e }, (_, i) => String.fromCharCode(0x0e01 + i));
const UPPER = ['', 'ั', 'ิ', 'ี', 'ึ', 'ื', '็'];
const LOWER = ['ุ', 'ู', 'ฺ'];
const TONES = ['', '่', '้', '๊', '๋', '์', 'ํ'];
/**
 * The characters of runs of other text that are laid out without fontkit:
 * every printable ASCII character, the middle dot and the usual quotes and
 * dashes. A run of them is its characters' shapings side by side, adjusted
 * by the kerning between neighbours (latin-pair-table.ts).
 */
export const LATIN_RUN_CHARACTERS = [
  ...range(0x20, 0x7e),
  0x00b7,
  0x2013,
  0x2014,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2026,
].map((code) => String.fromCharCode(code));

/**
 * Characters that stand alone: Thai vowels before and after, ฯ ๆ, digits
 * and signs; and, since a space or a bracket alone between two Thai words is
 * a run of its own, the characters of Latin runs above.
 */
const STANDALONE = [
  ...[0x0e2f, 0x0e30, 0x0e32, 0x0e3f, ...range(0x0e40, 0x0e46), ...range(0x0e4f, 0x0e5b)].map(
    (code) => String.fromCharCode(code),
  ),
  ...LATIN_RUN_CHARACTERS,
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Every cluster the table holds: each letter with each sequence of marks Thai writes, and the characters above. */
export function thaiClusters(): string[] {
  const marks = [
    ...UPPER.flatMap((u) => TONES.map((t) => u + t)),
    ...LOWER.flatMap((l) => TONES.map((t) => l + t)),
    ...TONES.map((t) => `${t}ำ`),
  ];
  return [
    ...LETTERS.flatMap((letter) => marks.map((mark) => letter + mark)),
    'ฤๅ',
    'ฦๅ',
    ...STANDALONE,
  ];
}

/** One glyph of a cluster's shaping, in font units. */
export interface TableGlyph {
  id: number;
  codePoints: number[];
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface Run {
  glyphs: Array<{ id: number; codePoints: number[] }>;
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
}

const b36 = (n: number) => n.toString(36);

/**
 * The table for one font, as text: a line per cluster, the cluster, a tab,
 * then per glyph "id,codepoints,xAdvance,xOffset,yOffset" (base 36, code
 * points as offsets from U+0E00 joined by "."), glyphs separated by spaces.
 */
export function encodeShapes(layout: (text: string) => Run, clusters: readonly string[]): string {
  return clusters
    .map((cluster) => {
      const run = layout(cluster);
      const glyphs = run.glyphs.map((glyph, i) => {
        const p = run.positions[i];
        if (p?.yAdvance !== 0) throw new Error(`no glyph or a vertical advance in ${cluster}`);
        const points = glyph.codePoints.map((c) => b36(c - 0x0e00)).join('.');
        return [b36(glyph.id), points, b36(p.xAdvance), b36(p.xOffset), b36(p.yOffset)].join(',');
      });
      return `${cluster}\t${glyphs.join(' ')}`;
    })
    .join('\n');
}

/** The table read back: each cluster's glyphs, parsed when first asked for. */
export class ShapeTable {
  private readonly raw = new Map<string, string>();
  private readonly parsed = new Map<string, TableGlyph[]>();

  constructor(table: string) {
    for (const line of table.split('\n')) {
      const tab = line.indexOf('\t');
      this.raw.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }

  get(cluster: string): TableGlyph[] | undefined {
    const known = this.parsed.get(cluster);
    if (known) return known;
    const glyphs = this.raw.get(cluster);
    if (glyphs === undefined) return undefined;
    const shaped = glyphs.split(' ').map((glyph) => {
      const [id = '', points = '', xAdvance = '', xOffset = '', yOffset = ''] = glyph.split(',');
      return {
        id: Number.parseInt(id, 36),
        codePoints:
          points === '' ? [] : points.split('.').map((c) => Number.parseInt(c, 36) + 0x0e00),
        xAdvance: Number.parseInt(xAdvance, 36),
        xOffset: Number.parseInt(xOffset, 36),
        yOffset: Number.parseInt(yOffset, 36),
      };
    });
    this.parsed.set(cluster, shaped);
    return shaped;
  }
}
