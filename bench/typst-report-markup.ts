/**
 * The report as Typst markup, for the PDF bench only (Typst is a peer we
 * measure against, not a renderer we ship): the same blocks, page size,
 * margins, fonts, running header, Thai page numbers and roll-up table as
 * shared/publish/render-report-pdf.ts. Every piece of report text goes in as
 * a Typst string literal, so no character of it is read as markup.
 */

import { runningHeader } from '../shared/publish/running-header.js';
import { SUMMARY_TABLE_HEADINGS, summaryTableRows } from '../shared/publish/summary-table.js';
import { type ReportBlock, reportBlocks } from '../shared/report/report-blocks.js';
import { rollupSummaryLines, SUMMARY_HEADING_TH } from '../shared/report/rollup-summary.js';
import type { Report } from '../shared/schemas/report-schema.js';

/** Indentation per outline level and the label gap, in points (as in the pdfkit renderer). */
const INDENT = 22;

/** A Typst string literal: only the backslash and the double quote need escaping. */
function str(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function blockMarkup(block: ReportBlock): string {
  switch (block.kind) {
    case 'title':
      return `#align(center, text(weight: "bold", size: 17pt)[#${str(block.lines[0])} \\ #${str(block.lines[1])}])\n#v(14pt)`;
    case 'item':
      return `#v(10pt)\n#heading(level: 1, ${str(`${block.label} ${block.text}`)})`;
    case 'section':
      return `#pad(left: ${INDENT}pt, text(weight: "bold")[#${str(`${block.label} ${block.text}`)}])`;
    case 'point':
      // A hanging label: the label, then the text indented under itself.
      return `#pad(left: ${INDENT * block.depth}pt, grid(columns: (auto, 1fr), column-gutter: 5pt, ${str(block.label)}, ${str(block.text)}))`;
    case 'paragraph':
      return `#pad(left: ${INDENT * (block.depth + (block.depth > 0 ? 1.6 : 1))}pt, ${str(block.text)})`;
    case 'separator':
      return '#align(center)[.....]';
  }
}

function summaryMarkup(report: Report): string {
  const rows = summaryTableRows(report);
  const cells = (row: readonly string[], bold: boolean) =>
    row
      .map((cell, i) => {
        const body = bold ? `text(weight: "bold", ${str(cell)})` : str(cell);
        return i === 0 || i === 3 ? `align(right, ${body})` : body;
      })
      .join(', ');
  return [
    `#v(16pt)\n#heading(level: 1, ${str(SUMMARY_HEADING_TH)})`,
    ...rollupSummaryLines(report.rollup, report).map(
      (line) => `#pad(left: ${INDENT}pt, ${str(line)})`,
    ),
    '#v(8pt)',
    `#text(size: 13pt, table(columns: (30pt, 1fr, 130pt, 100pt), stroke: 0.5pt + rgb("#8a94a6"), fill: (_, y) => if y == 0 { rgb("#eef1f6") },
  table.header(${cells(SUMMARY_TABLE_HEADINGS, true)}),
  ${rows.items.map((row) => cells(row, false)).join(',\n  ')},
  ${cells(rows.total, true)}))`,
  ].join('\n\n');
}

export function typstReportMarkup(report: Report): string {
  const header = runningHeader(report);
  const preamble = `#set document(title: ${str(report.title)}, author: ${str(report.agency.nameTh)}, date: none)
#set page(paper: "a4", margin: (left: 72pt, right: 60pt, top: 78pt, bottom: 72pt),
  header: text(size: 10pt, fill: rgb("#555555"), ${str(header)}) + line(length: 100%, stroke: 0.4pt + rgb("#8a94a6")),
  footer: context {
    let thai(n) = str(n).clusters().map(d => "๐๑๒๓๔๕๖๗๘๙".clusters().at(int(d))).join()
    align(center, text(size: 10pt, fill: rgb("#555555"), "หน้า " + thai(counter(page).get().first()) + " จาก " + thai(counter(page).final().first())))
  })
#set text(font: "Sarabun", lang: "th", size: 14pt)
#set par(leading: 0.55em)
#show heading: it => block(sticky: true, text(size: 15pt, weight: "bold", it.body))`;
  const body = [...reportBlocks(report)].map(blockMarkup);
  return [preamble, ...body, summaryMarkup(report)].join('\n\n');
}
