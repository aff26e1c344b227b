/**
 * The report as plain text in the standard outline: what agencies paste into
 * Word today, and the form the importer reads back.
 */

import type { Report } from '../schemas/report-schema.js';
import { type ReportBlock, reportBlocks } from './report-blocks.js';
import { rollupSummaryLines, SUMMARY_HEADING_TH } from './rollup-summary.js';

export interface TextRenderOptions {
  /** Append the roll-up summary after the last plan item (default true). */
  summary?: boolean;
}

/** One block as its paragraph of outline text (the title keeps its two lines). */
export function blockText(block: ReportBlock): string {
  switch (block.kind) {
    case 'title':
      return block.lines.join('\n');
    case 'item':
    case 'section':
    case 'point':
      return `${block.label} ${block.text}`;
    case 'paragraph':
      return block.text;
    case 'separator':
      return '.....';
  }
}

export function renderReportText(report: Report, options: TextRenderOptions = {}): string {
  const parts: string[] = [];
  for (const block of reportBlocks(report)) parts.push(blockText(block));
  if (options.summary ?? true) {
    parts.push(SUMMARY_HEADING_TH, ...rollupSummaryLines(report.rollup, report));
  }
  return `${parts.join('\n\n')}\n`;
}
