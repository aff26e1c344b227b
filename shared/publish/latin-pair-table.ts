/**
 * Sarabun between two neighbours in a run of Latin text (ASCII, the middle
 * dot, quotes and dashes), kept with the code beside the Thai cluster table.
 * With Thai from that table, the Latin runs ("ITA", "(www.info.go.th)", a
 * division code broken by character in the summary table) were all that
 * still ran fontkit's shaper in a fresh process, and its first call decodes
 * Sarabun's GSUB and GPOS: about a third of a cold render.
 *
 * Sarabun's rules for these characters reach one neighbour and no further:
 * pair kerning (GPOS kern) and the ligatures fi and fl (GSUB liga; its
 * ccmp rule for i and j needs a combining mark, which no run here holds).
 * So a run is its characters shaped alone, each advance adjusted by the
 * kerning with the character after it. The generator shapes every pair with
 * fontkit and keeps those that differ from the two characters side by side:
 * a kerning (one advance changed) or anything else, such as a ligature, which
 * sends the whole run to fontkit. A test checks composed runs against
 * fontkit shaping them whole; another regenerates the table.
 */

import { LATIN_RUN_CHARACTERS, type Run } from './thai-shape-table.js';

/** A pair the table sends to fontkit: its shaping is not two glyphs with one advance changed. */
const LIVE = '*';

const samePlacement = (a: Run['positions'][number], b: Run['positions'][number] | undefined) =>
  b !== undefined &&
  a.yAdvance === b.yAdvance &&
  a.xOffset === b.xOffset &&
  a.yOffset === b.yOffset;

/** The pairs' table for one font, as text: a line per pair that is not plain, "ab\tkerning" (base 36) or "ab\t*". */
export function encodePairs(
  layout: (text: string) => Run,
  characters: readonly string[] = LATIN_RUN_CHARACTERS,
): string {
  const alone = new Map(characters.map((c) => [c, layout(c)]));
  const lines: string[] = [];
  for (const first of characters) {
    for (const second of characters) {
      const a = alone.get(first) as Run;
      const b = alone.get(second) as Run;
      const pair = layout(first + second);
      const [pa, pb] = pair.positions;
      const [ga, gb] = pair.glyphs;
      const plain =
        a.glyphs.length === 1 &&
        b.glyphs.length === 1 &&
        pair.glyphs.length === 2 &&
        ga?.id === a.glyphs[0]?.id &&
        gb?.id === b.glyphs[0]?.id &&
        pa !== undefined &&
        pb !== undefined &&
        samePlacement(pa, a.positions[0]) &&
        samePlacement(pb, b.positions[0]) &&
        pb.xAdvance === b.positions[0]?.xAdvance;
      if (!plain) lines.push(`${first}${second}\t${LIVE}`);
      else {
        const kerning = pa.xAdvance - (a.positions[0]?.xAdvance ?? 0);
        if (kerning !== 0) lines.push(`${first}${second}\t${kerning.toString(36)}`);
      }
    }
  }
  return lines.join('\n');
}

/** The table read back. */
export class PairTable {
  private readonly pairs = new Map<string, number | typeof LIVE>();

  constructor(table: string) {
    for (const line of table.split('\n')) {
      // Every pair is two UTF-16 code units: the characters are all in the BMP.
      const value = line.slice(3);
      this.pairs.set(line.slice(0, 2), value === LIVE ? LIVE : Number.parseInt(value, 36));
    }
  }

  /** The kerning (font units) of `pair`'s first advance, or undefined when fontkit must shape it. */
  kerning(pair: string): number | undefined {
    const value = this.pairs.get(pair);
    return value === LIVE ? undefined : (value ?? 0);
  }
}
