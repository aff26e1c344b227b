/**
 * The report as an A4 PDF in Thai: the seed's title block and outline
 * numbering, Thai digits everywhere (page numbers too), a roll-up table,
 * running header and footer, metadata (title, language th), a bookmark per
 * plan item and tagged structure. Text extraction returns the source text
 * exactly (see pdf-exact-text-font.ts).
 */

import PDFDocument from 'pdfkit';
import { type ReportBlock, reportBlocks } from '../report/report-blocks.js';
import { rollupSummaryLines, SUMMARY_HEADING_TH } from '../report/rollup-summary.js';
import { SIGN_OFF_HEADING_TH, signOffLines } from '../report/sign-off-lines.js';
import type { Report } from '../schemas/report-schema.js';
import { thaiNumber } from '../thai/thai-digits.js';
import { collectPdfBytes } from './pdf-document-bytes.js';
import {
  fontSource,
  PdfTextWriter,
  type StructElement,
  type TextStyle,
  type PdfTextWriter as Writer,
} from './pdf-text-writer.js';
import { runningHeader } from './running-header.js';
import { type FontFiles, loadSarabun } from './sarabun-fonts.js';
import { SUMMARY_TABLE_HEADINGS, summaryTableRows } from './summary-table.js';

export interface PdfRenderOptions {
  fonts?: FontFiles;
}

const PAGE = { left: 72, right: 60, top: 78, bottom: 72 };
const BODY: TextStyle = { font: 'regular', size: 14 };
const TITLE: TextStyle = { font: 'bold', size: 17 };
const ITEM: TextStyle = { font: 'bold', size: 15 };
const SECTION: TextStyle = { font: 'bold', size: 14 };
const RUNNING: TextStyle = { font: 'regular', size: 10, color: '#555555' };
/** Indentation per outline level, in points. */
const INDENT = 22;
const LABEL_GAP = 5;

type Doc = InstanceType<typeof PDFDocument>;

/** The struct element that holds the current section's list, if one is open. */
interface ListState {
  list?: StructElement;
}

function writeBlock(
  writer: Writer,
  doc: Doc,
  section: StructElement,
  block: ReportBlock,
  state: ListState,
): void {
  const x = writer.box.left;
  switch (block.kind) {
    case 'title': {
      const heading = doc.struct('H1');
      section.add(heading);
      for (const line of block.lines) {
        // A title line too wide for the page breaks where Thai covers break
        // it, before "ประจำปีงบประมาณ", rather than wherever the width runs out.
        const fits = writer.measure(line, TITLE) <= writer.width;
        const at = line.indexOf(' ประจำปีงบประมาณ');
        const parts =
          fits || at < 0
            ? breakLinesFor(writer, line, writer.width, TITLE)
            : [line.slice(0, at + 1), line.slice(at + 1)];
        parts.forEach((part, index) => {
          const text = index === parts.length - 1 ? `${part.trimEnd()} ` : part;
          writer.taggedRun(heading, text, x, TITLE, 'center');
        });
      }
      heading.end();
      writer.space(14);
      return;
    }
    case 'item': {
      state.list = undefined;
      writer.space(10);
      writer.ensureSpace(writer.lineHeight(ITEM) * 3);
      doc.outline.addItem(`${block.label} ${block.text}`.slice(0, 120));
      const heading = doc.struct('H2');
      section.add(heading);
      const labelWidth = writer.measure(block.label, ITEM) + LABEL_GAP;
      writer.paragraph(heading, block.text, {
        x,
        textX: x + labelWidth,
        style: ITEM,
        label: block.label,
      });
      heading.end();
      return;
    }
    case 'section': {
      state.list = undefined;
      writer.space(4);
      writer.ensureSpace(writer.lineHeight(SECTION) * 2);
      const heading = doc.struct('H3');
      section.add(heading);
      writer.taggedRun(heading, `${block.label} ${block.text} `, x + INDENT, SECTION);
      heading.end();
      return;
    }
    case 'point': {
      if (!state.list) {
        state.list = doc.struct('L');
        section.add(state.list);
      }
      const item = doc.struct('LI');
      state.list.add(item);
      const label = doc.struct('Lbl');
      const body = doc.struct('LBody');
      item.add(label);
      item.add(body);
      const labelX = x + INDENT * block.depth;
      const textX = labelX + writer.measure(block.label, BODY) + LABEL_GAP;
      writer.paragraph(body, block.text, {
        x: labelX,
        textX,
        style: BODY,
        label: block.label,
        labelParent: label,
      });
      label.end();
      body.end();
      item.end();
      return;
    }
    case 'paragraph': {
      state.list = undefined;
      const paragraph = doc.struct('P');
      section.add(paragraph);
      // Continuations align with the text of the point they continue.
      const textX = x + INDENT * (block.depth + (block.depth > 0 ? 1.6 : 1));
      writer.paragraph(paragraph, block.text, { x: textX, style: BODY });
      paragraph.end();
      return;
    }
    case 'separator': {
      state.list = undefined;
      const paragraph = doc.struct('P');
      section.add(paragraph);
      writer.taggedRun(paragraph, '..... ', x, BODY, 'center');
      paragraph.end();
      return;
    }
  }
}

function writeSummary(writer: Writer, doc: Doc, root: StructElement, report: Report): void {
  const section = doc.struct('Sect');
  root.add(section);
  writer.space(16);
  writer.ensureSpace(writer.lineHeight(ITEM) * 6);
  doc.outline.addItem(SUMMARY_HEADING_TH);
  const heading = doc.struct('H2');
  section.add(heading);
  writer.taggedRun(heading, `${SUMMARY_HEADING_TH} `, writer.box.left, ITEM);
  heading.end();
  const [counts, budget, problems, recommendations] = rollupSummaryLines(report.rollup, report);
  for (const line of [counts, budget, problems, recommendations]) {
    if (!line) continue;
    const paragraph = doc.struct('P');
    section.add(paragraph);
    writer.paragraph(paragraph, line, { x: writer.box.left + INDENT, style: BODY });
    paragraph.end();
  }
  writer.space(8);
  writeSummaryTable(writer, doc, section, report);
  section.end();
}

/** The head's name, position and time of sign-off, centred under the report. */
function writeSignOff(writer: Writer, doc: Doc, root: StructElement, report: Report): void {
  if (!report.signOff) return;
  const section = doc.struct('Sect');
  root.add(section);
  writer.space(24);
  writer.ensureSpace(writer.lineHeight(BODY) * 5);
  const heading = doc.struct('H2');
  section.add(heading);
  writer.taggedRun(heading, `${SIGN_OFF_HEADING_TH} `, writer.box.left, SECTION, 'center');
  heading.end();
  writer.space(6);
  for (const line of signOffLines(report.signOff)) {
    const paragraph = doc.struct('P');
    section.add(paragraph);
    for (const part of breakLinesFor(writer, line, writer.width, BODY)) {
      writer.taggedRun(paragraph, `${part.trimEnd()} `, writer.box.left, BODY, 'center');
    }
    paragraph.end();
  }
  section.end();
}

function writeSummaryTable(writer: Writer, doc: Doc, section: StructElement, report: Report): void {
  const left = writer.box.left;
  const widths = [30, writer.width - 30 - 130 - 100, 130, 100];
  const columnsX = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const pad = 4;
  const table = doc.struct('Table');
  section.add(table);
  const drawRow = (cells: string[], style: TextStyle, cellType: 'TH' | 'TD', shade: boolean) => {
    const row = doc.struct('TR');
    table.add(row);
    // Lay out every cell first: the row is as tall as its tallest cell.
    const cellLines = cells.map((cell, i) => {
      const width = (widths[i] ?? 0) - pad * 2;
      // Every cell wraps at Thai word boundaries; a code without any (a division id) breaks by character.
      return breakLinesFor(writer, cell, width, style).map((line) => line.trimEnd());
    });
    const height = Math.max(...cellLines.map((l) => l.length)) * writer.lineHeight(style) + pad;
    writer.ensureSpace(height);
    const top = writer.y;
    if (shade) doc.save().rect(left, top, writer.width, height).fill('#eef1f6').restore();
    cells.forEach((_, i) => {
      const cell = doc.struct(cellType, cellType === 'TH' ? ({ scope: 'Column' } as never) : {});
      row.add(cell);
      const lines = cellLines[i] ?? [];
      const numeric = i === 0 || i === 3;
      writer.y = top + pad / 2;
      for (const line of lines) {
        writer.taggedRun(
          cell,
          line,
          (columnsX[i] ?? left) + pad,
          style,
          numeric ? 'right' : 'left',
          (widths[i] ?? 0) - pad * 2,
        );
      }
      cell.end();
    });
    doc.save().lineWidth(0.5).strokeColor('#8a94a6').rect(left, top, writer.width, height).stroke();
    for (const x of columnsX.slice(1))
      doc
        .moveTo(x, top)
        .lineTo(x, top + height)
        .stroke();
    doc.restore();
    writer.y = top + height;
    row.end();
  };
  drawRow([...SUMMARY_TABLE_HEADINGS], { ...BODY, font: 'bold', size: 13 }, 'TH', true);
  const rows = summaryTableRows(report);
  for (const row of rows.items) drawRow(row, { ...BODY, size: 13 }, 'TD', false);
  drawRow(rows.total, { ...BODY, font: 'bold', size: 13 }, 'TD', true);
  table.end();
}

function breakLinesFor(writer: Writer, text: string, width: number, style: TextStyle): string[] {
  return writer.breakLines(text, width, style);
}

function writeRunningHeaderAndFooter(writer: Writer, doc: Doc, report: Report): void {
  const range = doc.bufferedPageRange();
  const header = runningHeader(report);
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    writer.resetStyle();
    // Page furniture is an artifact: not part of the text, skipped by screen readers.
    doc.markContent('Artifact', { type: 'Pagination' } as never);
    writer.drawRun(header, writer.box.left, 34, RUNNING);
    doc.save().lineWidth(0.4).strokeColor('#8a94a6');
    doc
      .moveTo(writer.box.left, 52)
      .lineTo(doc.page.width - writer.box.right, 52)
      .stroke();
    doc.restore();
    const footer = `หน้า ${thaiNumber(index + 1)} จาก ${thaiNumber(range.count)}`;
    const width = writer.measure(footer, RUNNING);
    writer.drawRun(footer, (doc.page.width - width) / 2, doc.page.height - 44, RUNNING);
    doc.endMarkedContent();
  }
}

/** Shapes the report's paragraphs, labels and headings in two fontkit calls. */
function prefetchReportText(writer: Writer, blocks: readonly ReportBlock[]): void {
  const regular: string[] = [];
  const bold: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'point') regular.push(`${block.label} `, `${block.text} `);
    else if (block.kind === 'paragraph') regular.push(`${block.text} `);
    else if (block.kind === 'item') bold.push(`${block.label} `, `${block.text} `, block.label);
    else if (block.kind === 'section') bold.push(`${block.label} ${block.text} `);
  }
  writer.prefetch('regular', regular);
  writer.prefetch('bold', bold);
}

/** A fixed creation date keeps the bytes (and so the sha256) of a re-render identical. */
function creationDate(report: Report): Date {
  return new Date(report.signOff?.at ?? `${report.periodEnd}T00:00:00+07:00`);
}

export async function renderReportPdf(
  report: Report,
  options: PdfRenderOptions = {},
): Promise<Uint8Array> {
  const fonts = options.fonts ?? loadSarabun();
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE,
    bufferPages: true,
    autoFirstPage: true,
    tagged: true,
    lang: 'th-TH',
    displayTitle: true,
    pdfVersion: '1.7',
    // The built-in Helvetica is never used; naming Sarabun here keeps bundles free of AFM files.
    font: fontSource(fonts.regular) as never,
    info: {
      Title: report.title,
      Author: report.agency.nameTh,
      Subject: `${report.agency.nameTh} ${report.title}`,
      Keywords: 'ITA, anti-corruption, monitoring report, รายงานการกำกับติดตาม',
      Creator: 'acm-report',
      Producer: 'acm-report (pdfkit)',
      CreationDate: creationDate(report),
      ModDate: creationDate(report),
    },
  } as PDFKit.PDFDocumentOptions);
  const finish = collectPdfBytes(doc);

  const writer = new PdfTextWriter(doc, PAGE, fonts);
  // Made once: the prefetch and the layout walk the same blocks.
  const blocks = [...reportBlocks(report)];
  prefetchReportText(writer, blocks);
  const root = doc.struct('Document');
  doc.addStructure(root);
  let section = doc.struct('Sect');
  root.add(section);
  const state: ListState = {};
  for (const block of blocks) {
    if (block.kind === 'item') {
      section.end();
      section = doc.struct('Sect');
      root.add(section);
    }
    writeBlock(writer, doc, section, block, state);
  }
  section.end();
  writeSummary(writer, doc, root, report);
  writeSignOff(writer, doc, root, report);
  root.end();
  writeRunningHeaderAndFooter(writer, doc, report);
  return finish();
}
