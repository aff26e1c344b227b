/**
 * The subset glyph cache (shared/publish/subset-glyph-cache.ts) against
 * fontkit's own subsetter: the same glyphs, in the same order, give the
 * same font file bytes, for a fresh cache and for one that a first subset
 * filled, composite glyphs included.
 */

import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadSarabun } from '../../shared/publish/sarabun-fonts.js';
import { cacheSubsetGlyphs, type TrueTypeSubset } from '../../shared/publish/subset-glyph-cache.js';

interface Font {
  numGlyphs: number;
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
  getGlyph(id: number): { _decode(): { numberOfContours: number } | null };
}

function subsetBytes(font: Font, ids: readonly number[], cached: boolean): Buffer {
  const subset = font.createSubset();
  if (cached) cacheSubsetGlyphs(subset as unknown as TrueTypeSubset);
  for (const id of ids) subset.includeGlyph(id);
  return Buffer.from(subset.encode());
}

describe('subset glyph cache', () => {
  it('encodes the same font file as fontkit, composite glyphs included, fresh and reused', () => {
    // Prepare: a parsed Sarabun of its own, so no other test has filled the cache for it.
    const font = fontkit.create(Buffer.from(loadSarabun().regular)) as unknown as Font;
    const all = Array.from({ length: font.numGlyphs }, (_, id) => id);
    const composite = all.filter((id) => (font.getGlyph(id)._decode()?.numberOfContours ?? 0) < 0);
    const ids = [...composite.slice(0, 20), 5, 40, 7, ...all.filter((id) => id % 17 === 3)];

    // Act
    const expected = subsetBytes(font, ids, false);
    const fresh = subsetBytes(font, ids, true);
    const reused = subsetBytes(font, ids, true);
    const reordered = subsetBytes(font, [...ids].reverse(), true);

    // Assess
    expect(composite.length).toBeGreaterThan(0);
    expect(fresh.equals(expected)).toBe(true);
    expect(reused.equals(expected)).toBe(true);
    expect(reordered.equals(subsetBytes(font, [...ids].reverse(), false))).toBe(true);
  });
});
