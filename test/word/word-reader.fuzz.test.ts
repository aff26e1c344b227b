/**
 * Fuzz test of the Word reader (style.md: a fuzz test per parser). Corpus
 * files are mutated at random, seeded so a failure replays: their
 * document.xml at the level of elements (the constructs Word writes, cut,
 * doubled, moved, left unclosed) and their zip at the level of bytes. The
 * reader and the importer never throw; every refusal comes from the
 * catalogue, in both languages, naming a paragraph inside the document;
 * whatever imports renders and re-imports to the same documents.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../shared/adapters/docx-reader.js';
import { readZipParts } from '../../shared/adapters/zip-inflation-guard.js';
import { importReportOutline } from '../../shared/outline/import-report-outline.js';
import { buildReport } from '../../shared/report/build-report.js';
import { renderReportText } from '../../shared/report/render-report-text.js';
import { MESSAGES } from '../../shared/validation/validation-messages.js';
import type { ValidationProblem } from '../../shared/validation/validation-problem.js';
import { WORKFLOW_MESSAGES } from '../../shared/workflow/workflow-messages.js';
import { pick, seededRandom } from '../helpers/seeded-random.js';
import { writeZip } from '../hostile/zip-writer.js';

const CORPUS = join(import.meta.dirname, '../fixtures/word');
const SOURCES = [
  'auto-multilevel-thai.docx',
  'auto-restart-override.docx',
  'form-table-numbered.docx',
  'text-box-and-picture.docx',
  'fields-simple-and-complex.docx',
  'content-control-empty.docx',
  'tracked-changes-and-comments.docx',
  'bullets-word.docx',
];

/** Pieces of WordprocessingML a mutation drops into the body. */
const CONSTRUCTS = [
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
  '<w:r><w:instrText> PAGE </w:instrText></w:r>',
  '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ซ่อน</w:t></w:r>',
  '<w:r><w:br/></w:r>',
  '<w:r><w:tab/></w:r>',
  '<w:r><w:t>๑.๒.๓ </w:t></w:r>',
  '<w:r><w:t>ไม่มี</w:t></w:r>',
  '<w:r><w:t>(นายสมชาย ใจดี)</w:t></w:r>',
  '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>',
  '<w:pPr><w:numPr><w:ilvl w:val="12"/><w:numId w:val="99"/></w:numPr></w:pPr>',
  '<w:pPr><w:numPr><w:ilvl w:val="3"/><w:numId w:val="1"/></w:numPr></w:pPr>',
  '<w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>',
  '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>คลิก</w:t></w:r></w:sdtContent></w:sdt>',
  '<w:del><w:r><w:delText>ลบ</w:delText></w:r></w:del>',
  '<w:ins><w:r><w:t>แทรก</w:t></w:r></w:ins>',
  '<mc:AlternateContent><mc:Choice Requires="wps"/></mc:AlternateContent>',
  '<w:p/>',
  '<w:p><w:r><w:t>๑. กิจกรรมใหม่</w:t></w:r></w:p>',
  '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ข้อเสนอแนะ</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
  '<w:r><w:t>\u202E</w:t></w:r>',
  '<w:p>',
  '</w:p>',
  '&amp;',
];

function mutateXml(xml: string, random: () => number): string {
  const body = xml.indexOf('<w:body>') + '<w:body>'.length;
  let text = xml;
  const edits = 1 + Math.floor(random() * 5);
  for (let e = 0; e < edits; e += 1) {
    const tags = [...text.matchAll(/<w:(?:p|r|t|pPr|numPr|tbl|tc|sdt)\b[^>]*>/g)].filter(
      (m) => (m.index ?? 0) >= body,
    );
    const tag = tags.length ? pick(random, tags) : undefined;
    const at = tag?.index ?? body;
    switch (Math.floor(random() * 4)) {
      case 0:
        text = `${text.slice(0, at)}${pick(random, CONSTRUCTS)}${text.slice(at)}`;
        break;
      case 1: {
        // Cut from one tag to a later point: drops elements, maybe leaves some unclosed.
        const end = at + Math.floor(random() * 400);
        text = text.slice(0, at) + text.slice(Math.min(end, text.lastIndexOf('<w:sectPr')));
        break;
      }
      case 2: {
        const length = Math.floor(random() * 600);
        text = `${text.slice(0, at)}${text.slice(at, at + length)}${text.slice(at)}`;
        break;
      }
      default:
        text = text.replace(
          /<w:numId w:val="\d+"\/>/,
          `<w:numId w:val="${Math.floor(random() * 12)}"/>`,
        );
    }
  }
  return text;
}

const KNOWN_CODES = new Set([...Object.keys(MESSAGES), ...Object.keys(WORKFLOW_MESSAGES)]);

function expectExplained(problems: readonly ValidationProblem[], run: number, paragraphs: number) {
  for (const problem of problems) {
    expect(KNOWN_CODES.has(problem.code), `run ${run}: ${problem.code}`).toBe(true);
    expect(problem.code, `run ${run}`).not.toBe('invalid');
    expect(problem.message.th, `run ${run}`).toMatch(/[\u0E00-\u0E7F]/);
    expect(problem.fix.en.length, `run ${run}`).toBeGreaterThan(0);
    // No parser's or zip library's own words: those name the library or a byte offset.
    expect(problem.message.en, `run ${run}`).not.toMatch(
      /saxes|line \d+ column|TypeError|undefined/i,
    );
    if (problem.paragraph !== undefined) {
      expect(problem.paragraph, `run ${run}`).toBeLessThanOrEqual(paragraphs + 1);
    }
  }
}

describe('Word reader fuzz', () => {
  it('reads 300 mutated document.xml without throwing; refusals explained, imports round-trip', async () => {
    let imported = 0;
    let refused = 0;
    for (let run = 0; run < 300; run += 1) {
      const random = seededRandom(50_000 + run);
      const source = readFileSync(join(CORPUS, pick(random, SOURCES)));
      const parts = readZipParts(new Uint8Array(source), () => true);
      if (!parts.ok) throw new Error('corpus file unreadable');
      const xml = new TextDecoder().decode(parts.parts.get('word/document.xml'));
      const mutated = mutateXml(xml, random);
      const zip = writeZip(
        [...parts.parts].map(([name, data]) => ({
          name,
          data: name === 'word/document.xml' ? mutated : data,
        })),
      );
      const paragraphCount = (mutated.match(/<w:p[ >]/g) ?? []).length;
      const read = await readDocx(zip);
      if (!read.ok) {
        refused += 1;
        expectExplained(read.problems, run, paragraphCount);
        continue;
      }
      const result = importReportOutline(read.value);
      if (!result.ok) {
        refused += 1;
        expectExplained(result.problems, run, paragraphCount);
        continue;
      }
      const report = buildReport(result.round, result.submissions);
      if (!report.ok) throw new Error(`run ${run}: ${JSON.stringify(report.problems)}`);
      const again = importReportOutline(renderReportText(report.value, { summary: false }));
      if (!again.ok) throw new Error(`run ${run}: ${JSON.stringify(again.problems)}`);
      expect(again.submissions, `run ${run}`).toEqual(result.submissions);
      imported += 1;
    }
    // Both outcomes must be exercised for the fuzz to mean anything.
    expect(imported).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(30);
  });

  it('never throws on 300 zips with random bytes changed or cut, and names each refusal', async () => {
    const source = new Uint8Array(readFileSync(join(CORPUS, 'auto-multilevel-thai.docx')));
    let refused = 0;
    for (let run = 0; run < 300; run += 1) {
      const random = seededRandom(90_000 + run);
      const bytes = source.slice(
        0,
        random() < 0.2 ? Math.floor(random() * source.length) : source.length,
      );
      for (let flips = 1 + Math.floor(random() * 8); flips > 0; flips -= 1) {
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      const read = await readDocx(bytes);
      if (read.ok) {
        const result = importReportOutline(read.value);
        if (!result.ok) expectExplained(result.problems, run, 100);
        continue;
      }
      refused += 1;
      expectExplained(read.problems, run, 100);
    }
    expect(refused).toBeGreaterThan(100);
  });
});
