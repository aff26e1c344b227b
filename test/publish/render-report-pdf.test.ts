/**
 * The published PDF, read back with an independent reader (pdf.js): the
 * text is exactly the text render, lines break only between Thai words,
 * fonts are embedded and subset, and the document carries its metadata,
 * bookmarks, tags, running header and Thai page numbers.
 */

import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../shared/publish/render-report-pdf.js';
import { renderReportText } from '../../shared/report/render-report-text.js';
import { SUMMARY_HEADING_TH } from '../../shared/report/rollup-summary.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import { findForbiddenCharacter } from '../../shared/thai/normalise-text.js';
import {
  alignLinesWithText,
  extractBodyLines,
  extractPdfLines,
  normaliseWhitespace,
  type PdfLine,
} from '../helpers/pdf-text.js';
import { seedReport } from '../helpers/seed-round.js';
import { tinyReport } from '../helpers/tiny-report.js';

let report: Report;
let pdf: Uint8Array;
let lines: PdfLine[];

beforeAll(async () => {
  report = seedReport();
  pdf = await renderReportPdf(report);
  lines = await extractPdfLines(pdf);
});

function bodyBeforeSummary(all: readonly PdfLine[]): string[] {
  const body = all.filter((l) => !l.artifact).map((l) => l.text);
  const summaryAt = body.findIndex((l) => l.startsWith(SUMMARY_HEADING_TH));
  expect(summaryAt).toBeGreaterThan(0);
  return body.slice(0, summaryAt);
}

describe('PDF of the seed report', () => {
  it('extracts (pdf.js) to exactly the text render, after whitespace normalisation', () => {
    // Prepare
    const expected = renderReportText(report, { summary: false });

    // Act
    const alignment = alignLinesWithText(bodyBeforeSummary(lines), expected);

    // Assess
    expect(alignment).toMatchObject({ ok: true });
  });

  it('never ends a line inside a Thai word (Intl.Segmenter boundaries)', () => {
    const text = normaliseWhitespace(renderReportText(report, { summary: false }));
    const alignment = alignLinesWithText(bodyBeforeSummary(lines), text);
    if (!alignment.ok) throw new Error('the PDF text does not align');
    const boundaries = new Set<number>();
    for (const segment of new Intl.Segmenter('th', { granularity: 'word' }).segment(text)) {
      boundaries.add(segment.index);
    }
    // Breaks that fell between two letters (not at a space) are the ones to check.
    expect(alignment.breaks.length).toBeGreaterThan(100);
    const inside = alignment.breaks.filter((at) => !boundaries.has(at));
    expect(inside.map((at) => text.slice(at - 8, at + 8))).toEqual([]);
  });

  it('has no doubled vowel, replacement character or invisible character in its text', () => {
    const text = lines.map((l) => l.text).join('\n');
    expect(text).not.toContain('ำา');
    expect(text).not.toMatch(/[\u200B\uFFFD]/);
    expect(findForbiddenCharacter(text)).toBeUndefined();
  });

  it('keeps every line inside the page margins', () => {
    const outside = lines.filter((l) => l.left < 71.5 || l.right > l.pageWidth - 59.5);
    expect(outside.map((l) => `${l.page}: ${l.text.slice(0, 30)} [${l.left}, ${l.right}]`)).toEqual(
      [],
    );
  });

  it('numbers every page in Thai digits, under a running header naming agency and round', async () => {
    const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const pages = document.numPages;
    await document.destroy();
    const thai = new Intl.NumberFormat('th-TH-u-nu-thai', { useGrouping: false });
    for (let page = 1; page <= pages; page++) {
      const furniture = lines.filter((l) => l.page === page && l.artifact).map((l) => l.text);
      expect(furniture).toContain(`หน้า ${thai.format(page)} จาก ${thai.format(pages)}`);
      expect(furniture.join(' ')).toContain('สำนักงาน ก.พ.ร.');
      expect(furniture.join(' ')).toContain('รอบ ๖ เดือน');
      expect(furniture.join(' ')).not.toMatch(/[0-9]/);
    }
  });

  it("prints the roll-up table: each item's budget and the total", () => {
    const body = lines.filter((l) => !l.artifact).map((l) => l.text);
    const table = body.slice(body.findIndex((l) => l.startsWith(SUMMARY_HEADING_TH)));
    const joined = table.join(' ');
    expect(joined).toContain('งบประมาณที่ใช้ (บาท)');
    for (const amount of [
      'ไม่ใช้งบประมาณ',
      '๔,๒๔๑,๓๐๐',
      '๑๓,๗๘๔,๙๒๐',
      '๒,๗๒๑,๐๐๐',
      '๓,๒๑๑,๐๐๐',
      '๕,๓๑๕',
    ]) {
      expect(joined).toContain(amount);
    }
    expect(table.some((l) => /รวม\s*๒๓,๙๖๓,๕๓๕/.test(l))).toBe(true);
  });

  it('embeds both fonts as subsets, with a ToUnicode map', () => {
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw.match(/\/BaseFont \/[A-Z]{6}\+Sarabun-Regular/g)?.length).toBeGreaterThan(0);
    expect(raw.match(/\/BaseFont \/[A-Z]{6}\+Sarabun-Bold/g)?.length).toBeGreaterThan(0);
    expect(raw.match(/\/FontFile2/g)).toHaveLength(2);
    expect(raw.match(/\/ToUnicode/g)).toHaveLength(2);
    // A subset is far smaller than the 83 KB font files.
    expect(pdf.byteLength).toBeLessThan(400_000);
  });

  it('declares title, author and language, is tagged, and bookmarks each item and the summary', async () => {
    const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Title).toBe(report.title);
    expect(info.Author).toBe(report.agency.nameTh);
    expect(info.Language).toBe('th-TH');
    expect(
      info.IsTagged ?? Buffer.from(pdf).toString('latin1').includes('/StructTreeRoot'),
    ).toBeTruthy();
    const outline = (await document.getOutline()) ?? [];
    expect(outline.map((o) => o.title.slice(0, 3))).toEqual([
      '๑. ',
      '๒. ',
      '๓. ',
      '๔. ',
      '๕. ',
      '๖. ',
      'สรุ',
    ]);
    const tree = await (await document.getPage(1)).getStructTree();
    expect(JSON.stringify(tree)).toContain('"role":"H1"');
    await document.destroy();
  });

  it('renders the same bytes twice (a re-publish keeps its sha256)', async () => {
    const again = await renderReportPdf(report);
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });
});

describe('PDF typesetting of hard cases', () => {
  it.each([
    ['ำ with and without a tone mark', 'น้ำ กำกับ ทำให้ ประจำ ป่ำ'],
    ['tone marks over upper vowels', 'ที่ ซึ่ง นี้ ปี่ ญี่ปุ่น เกี่ยวกับ'],
    ['consonants with descender-less forms', 'ญู ฐู กตัญญู ปู่'],
    ['Latin, digits and punctuation', 'Open Government (OG&MP) PM 2.5 “บอกเรา ถึงรัฐ” ๑๒.๕%'],
  ])('extracts %s exactly', async (_, text) => {
    const tiny = tinyReport([text]);
    const extracted = await extractBodyLines(await renderReportPdf(tiny));
    const cut = extracted.findIndex((l) => l.startsWith(SUMMARY_HEADING_TH));
    expect(
      alignLinesWithText(extracted.slice(0, cut), renderReportText(tiny, { summary: false })),
    ).toMatchObject({
      ok: true,
    });
  });

  it('wraps a word longer than the line instead of running past the margin', async () => {
    const long = `https://example.go.th/${'ข้อมูล'.repeat(40)}`;
    const extracted = await extractPdfLines(await renderReportPdf(tinyReport([long])));
    const body = extracted.filter((l) => !l.artifact);
    expect(body.every((l) => l.right <= l.pageWidth - 59.5)).toBe(true);
    expect(body.filter((l) => l.text.includes('ข้อมูล')).length).toBeGreaterThan(2);
  });

  it('paints the marks drawn as outlines (the first half of ำ) from one form per glyph', async () => {
    // Prepare: six ำ, each with its first half (NIKHAHIT) drawn as an outline.
    const text = 'น้ำ กำกับ ทำให้ ประจำ ป่ำ จำนำ';
    const file = await renderReportPdf(tinyReport([text]));

    // Act
    const document = await getDocument({ data: file.slice(), useSystemFonts: false }).promise;
    const operators = await (await document.getPage(1)).getOperatorList();
    await document.destroy();
    const painted = operators.fnArray.filter((op) => op === OPS.paintFormXObjectBegin).length;
    const forms =
      Buffer.from(file)
        .toString('latin1')
        .match(/\/Subtype \/Form/g) ?? [];

    // Assess: every ำ is painted, and its outline is in the file once, not once per use.
    expect(painted).toBeGreaterThanOrEqual(6);
    expect(forms.length).toBeGreaterThan(0);
    expect(forms.length).toBeLessThan(painted);
  });
});
