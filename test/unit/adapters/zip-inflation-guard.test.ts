import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../shared/adapters/docx-reader.js';
import { checkZipInflation } from '../../../shared/adapters/zip-inflation-guard.js';
import { documentXml, wordParts, writeZip } from '../../hostile/zip-writer.js';

const LIMITS = { maxEntries: 10, maxTotalBytes: 100_000 };
const big = (bytes: number) =>
  documentXml(['x']).replace('<w:body>', `<w:body>${' '.repeat(bytes)}`);

describe('Function: checkZipInflation', () => {
  it('passes a small Word file', () => {
    expect(checkZipInflation(writeZip(wordParts(documentXml(['สวัสดี']))), LIMITS)).toEqual({
      ok: true,
    });
  });

  it('refuses one whose declared sizes exceed the limit, before inflating', () => {
    const check = checkZipInflation(writeZip(wordParts(big(200_000))), LIMITS);
    expect(check).toMatchObject({
      ok: false,
      reason: 'too-large',
      detail: expect.stringContaining('declares'),
    });
  });

  it('refuses one that lies about its sizes, by inflating with a cap', () => {
    const lying = wordParts(big(200_000)).map((part) => ({ ...part, declaredSize: 10 }));
    expect(checkZipInflation(writeZip(lying), LIMITS)).toMatchObject({
      ok: false,
      reason: 'too-large',
      detail: expect.stringContaining('unpacks'),
    });
  });

  it('refuses too many parts and ZIP64 markers', () => {
    const parts = Array.from({ length: 11 }, (_, i) => ({ name: `p${i}`, data: 'x' }));
    expect(checkZipInflation(writeZip(parts), LIMITS)).toMatchObject({
      ok: false,
      reason: 'too-large',
    });
    const zip64 = writeZip(wordParts(documentXml(['x'])), { declaredCount: 0xffff });
    expect(checkZipInflation(zip64, LIMITS)).toMatchObject({ ok: false, detail: 'ZIP64 archive' });
  });

  it('leaves what is not a zip to the Word reader', () => {
    expect(
      checkZipInflation(new TextEncoder().encode('not a zip at all, just text'), LIMITS),
    ).toEqual({ ok: true });
  });
});

describe('Function: readDocx', () => {
  it('refuses a decompression bomb with a bilingual problem and a fix', async () => {
    const bomb = writeZip(wordParts(big(40 * 1024 * 1024)).map((p) => ({ ...p, declaredSize: 1 })));
    const read = await readDocx(bomb);
    expect(read.ok).toBe(false);
    expect(read.problems[0]).toMatchObject({ path: '$', code: 'upload.wordUnpacksTooLarge' });
    expect(read.problems[0]?.message.th).toMatch(/[\u0E00-\u0E7F]/);
    expect(read.problems[0]?.fix.en).toContain('.txt');
  });
});
