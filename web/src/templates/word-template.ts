/**
 * The Word blank for one plan item of one round: the report's title (which
 * names the fiscal year and round, as the importer requires) and the item
 * in the standard outline, in TH Sarabun New 16 pt as government documents
 * are typed. Built in the browser for the round at hand.
 *
 * Every hint is a Word content control still showing its placeholder
 * (w:showingPlcHdr, grey "Placeholder Text"): clicking it and typing
 * replaces it, as in any Word form. Intake's Word reader never takes a
 * placeholder as content, so an untouched or half-filled blank is refused
 * section by section as "not filled in", and a filled one imports exactly.
 */

import { blockText } from '../../../shared/report/render-report-text.js';
import { reportBlocks } from '../../../shared/report/report-blocks.js';
import { TEMPLATE_CONTENT } from '../../../shared/report/submission-template.js';
import type { PlanItemValue } from '../../../shared/schemas/round-schema.js';
import type { Period } from '../../../shared/thai/fiscal-period.js';
import { storedZip } from './stored-zip.js';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;

const RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOCUMENT_RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

/** Word's own style for a content control's placeholder: grey text. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:uiPriority w:val="99"/><w:rPr><w:color w:val="808080"/></w:rPr></w:style></w:styles>`;

/** What the blank marks as a hint, so the reader can tell it from content. */
export const HINT_TAG = 'acm-hint';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const FONT =
  '<w:rFonts w:ascii="TH Sarabun New" w:hAnsi="TH Sarabun New" w:cs="TH Sarabun New"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:bidi="th-TH"/>';

function run(text: string): string {
  return `<w:r><w:rPr>${FONT}</w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r>`;
}

function hint(text: string): string {
  return `<w:sdt><w:sdtPr><w:alias w:val="คำแนะนำ / hint"/><w:tag w:val="${HINT_TAG}"/><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/>${FONT}</w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:sdtContent></w:sdt>`;
}

/** Hints for the sections the JSON blank fills with "none": say what to write instead. */
const SECTION_HINTS: Record<string, string> = {
  budgetUsed: '(ระบุจำนวนเงินที่ใช้ เช่น ๑๒,๕๐๐ บาท หรือพิมพ์ ไม่ใช้งบประมาณ)',
  problems: '(ระบุปัญหา/อุปสรรค หรือพิมพ์ ไม่มี)',
  recommendations: '(ระบุข้อเสนอแนะ หรือพิมพ์ ไม่มี)',
};

export interface TemplateParagraph {
  /** Typed text: the title, a heading, or a point's number. */
  typed: string;
  /** The hint after it, in a content control. */
  hint?: string;
}

/** The blank, paragraph by paragraph: what is typed and what is a hint. */
export function templateParagraphs(
  round: { fiscalYear: number; period: Period },
  item: PlanItemValue,
): TemplateParagraph[] {
  const blocks = reportBlocks({
    fiscalYear: round.fiscalYear,
    period: round.period,
    items: [{ ...item, ...TEMPLATE_CONTENT }],
  });
  const out: TemplateParagraph[] = [];
  let section: string | undefined;
  for (const block of blocks) {
    if (block.kind === 'section') {
      section = block.key;
      out.push({ typed: blockText(block) });
      const sectionHint = SECTION_HINTS[block.key];
      if (sectionHint) out.push({ typed: '', hint: sectionHint });
      continue;
    }
    if (section && SECTION_HINTS[section]) continue;
    if (block.kind === 'point') out.push({ typed: `${block.label} `, hint: block.text });
    else if (block.kind === 'paragraph') out.push({ typed: '', hint: block.text });
    // One Word paragraph per outline paragraph; the two title lines become one.
    else out.push({ typed: blockText(block).replace(/\n/g, ' ') });
  }
  return out;
}

/** The outline text of the blank, hints included: what a person sees in Word. */
export function templateOutline(
  round: { fiscalYear: number; period: Period },
  item: PlanItemValue,
): string[] {
  return templateParagraphs(round, item).map((p) => `${p.typed}${p.hint ?? ''}`);
}

export function wordTemplate(
  round: { fiscalYear: number; period: Period },
  item: PlanItemValue,
): Uint8Array {
  const body = templateParagraphs(round, item)
    .map((p) => `<w:p>${p.typed ? run(p.typed) : ''}${p.hint ? hint(p.hint) : ''}</w:p>`)
    .join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1134" w:bottom="1440" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const encoder = new TextEncoder();
  return storedZip([
    { name: '[Content_Types].xml', data: encoder.encode(CONTENT_TYPES) },
    { name: '_rels/.rels', data: encoder.encode(RELATIONSHIPS) },
    { name: 'word/_rels/document.xml.rels', data: encoder.encode(DOCUMENT_RELATIONSHIPS) },
    { name: 'word/styles.xml', data: encoder.encode(STYLES) },
    { name: 'word/document.xml', data: encoder.encode(document) },
  ]);
}
