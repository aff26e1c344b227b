import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateRound } from '../../shared/validation/validate-document.js';
import { checkObjectFacts, decodeUtf8, readUploadText } from '../../shared/workflow/read-upload.js';

const seed = (name: string) =>
  readFileSync(new URL(`../../events/seed/${name}`, import.meta.url), 'utf8');
const parsed = validateRound(JSON.parse(seed('round.json')));
if (!parsed.ok) throw new Error('seed round invalid');
const round = parsed.value;
const outline = seed('opdc-fy2566-h1.txt').split('\n');
const title = outline.slice(0, 4).join('\n');
/** The seed's second plan item, alone, as a division would send it. */
const itemTwoAlone = `${title}\n\n${outline.slice(35, 80).join('\n')}`;
const target = (itemNo: number) => ({
  agencyId: 'opdc',
  roundId: '2566-h1',
  itemNo,
  division: `division-placeholder-0${itemNo}`,
  uploadId: '0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c',
});

describe('Reading an upload', () => {
  it('accepts the seed item as a JSON submission', () => {
    const read = readUploadText('json', seed('items/1.json'), round, target(1));
    expect(read).toMatchObject({
      ok: true,
      value: { itemNo: 1, division: 'division-placeholder-01' },
    });
  });

  it("takes a one-item outline as the key's item, whatever number it was written with", () => {
    const read = readUploadText('txt', itemTwoAlone, round, target(2));
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.value).toMatchObject({
        itemNo: 2,
        division: 'division-placeholder-02',
        fiscalYear: 2566,
      });
      expect(read.value.budgetUsed).not.toBe('none');
    }
  });

  it("takes the key's item out of a whole report", () => {
    const read = readUploadText('txt', seed('opdc-fy2566-h1.txt'), round, target(3));
    expect(read).toMatchObject({ ok: true, value: { itemNo: 3 } });
  });

  it('refuses a JSON submission for another division than the key names', () => {
    const read = readUploadText('json', seed('items/1.json'), round, {
      ...target(1),
      division: 'finance',
    });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.map((p) => p.code)).toEqual(['upload.keyMismatch']);
  });

  it('refuses an outline without its title, saying what the title must say', () => {
    const read = readUploadText('txt', outline.slice(35, 80).join('\n'), round, target(2));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]?.code).toBe('outline.noTitle');
  });

  it('refuses a round of another fiscal year', () => {
    const other = seed('items/1.json').replace('"fiscalYear": 2566', '"fiscalYear": 2567');
    const read = readUploadText('json', other, round, target(1));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]?.code).toBe('submission.roundMismatch');
  });

  it('re-checks size and type, since emulators do not enforce the POST policy', () => {
    expect(checkObjectFacts('json', { size: 10, contentType: 'application/json' })).toEqual([]);
    const codes = checkObjectFacts('json', { size: 2 * 1024 * 1024, contentType: 'text/html' }).map(
      (p) => p.code,
    );
    expect(codes).toEqual(['upload.tooLarge', 'upload.wrongType']);
  });

  it('refuses text that is not UTF-8', () => {
    const tis620 = new Uint8Array([0xa1, 0xd2, 0xc3]);
    expect(decodeUtf8(tis620)).toMatchObject({ ok: false, problems: [{ code: 'upload.notText' }] });
  });
});

describe('Reading hostile uploads', () => {
  it('refuses UTF-16 text, with or without its byte-order mark', () => {
    const utf16 = Buffer.from('{"type": "submission"}', 'utf16le');
    expect(decodeUtf8(utf16).problems.map((p) => p.code)).toEqual(['upload.notText']);
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]);
    expect(decodeUtf8(withBom).problems[0]?.message.en).toContain('UTF-16');
  });

  it('refuses text extracted from a Word file when it is over 1 MiB', () => {
    const read = readUploadText('docx', 'ก'.repeat(400_000), round, target(1));
    expect(read.ok ? [] : read.problems.map((p) => p.code)).toEqual(['upload.textTooLarge']);
  });
});
