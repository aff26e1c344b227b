/**
 * The Word blank for one plan item of one round: the report's title (which
 * names the fiscal year and round, as the importer requires) and the item
 * in the standard outline with a hint in each section, in TH Sarabun New
 * 16 pt as government documents are typed. Built in the browser for the
 * round at hand; intake's Word importer reads it back (tested).
 */

import { blockText } from '../../../shared/report/render-report-text.js';
import { reportBlocks } from '../../../shared/report/report-blocks.js';
import { TEMPLATE_CONTENT } from '../../../shared/report/submission-template.js';
import type { PlanItemValue } from '../../../shared/schemas/round-schema.js';
import type { Period } from '../../../shared/thai/fiscal-period.js';
import { storedZip } from './stored-zip.js';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const RUN_PROPERTIES =
  '<w:rPr><w:rFonts w:ascii="TH Sarabun New" w:hAnsi="TH Sarabun New" w:cs="TH Sarabun New"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:bidi="th-TH"/></w:rPr>';

function paragraph(text: string): string {
  return `<w:p><w:r>${RUN_PROPERTIES}<w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
}

/** The outline text of the blank: what the Word file holds, paragraph by paragraph. */
export function templateOutline(
  round: { fiscalYear: number; period: Period },
  item: PlanItemValue,
): string[] {
  const blocks = reportBlocks({
    fiscalYear: round.fiscalYear,
    period: round.period,
    items: [{ ...item, ...TEMPLATE_CONTENT }],
  });
  // One Word paragraph per outline paragraph; the two title lines become one.
  return [...blocks].map((block) => blockText(block).replace(/\n/g, ' '));
}

export function wordTemplate(
  round: { fiscalYear: number; period: Period },
  item: PlanItemValue,
): Uint8Array {
  const body = templateOutline(round, item).map(paragraph).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1134" w:bottom="1440" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const encoder = new TextEncoder();
  return storedZip([
    { name: '[Content_Types].xml', data: encoder.encode(CONTENT_TYPES) },
    { name: '_rels/.rels', data: encoder.encode(RELATIONSHIPS) },
    { name: 'word/document.xml', data: encoder.encode(document) },
  ]);
}
