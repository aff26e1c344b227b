/**
 * What accepted hostile text must look like once published: the HTML has
 * exactly the elements and attributes the same report with plain text has
 * (nothing injected), shows the stored text escaped, and the PDF's text
 * reads back exactly as stored.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { escapeHtml } from '../../shared/publish/escape-html.js';
import { renderReportHtml } from '../../shared/publish/render-report-html.js';
import { renderReportPdf } from '../../shared/publish/render-report-pdf.js';
import { buildReport } from '../../shared/report/build-report.js';
import { renderReportText } from '../../shared/report/render-report-text.js';
import { SUMMARY_HEADING_TH } from '../../shared/report/rollup-summary.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import { validateRound, validateSubmission } from '../../shared/validation/validate-document.js';
import { alignLinesWithText, extractBodyLines } from '../helpers/pdf-text.js';

const SEED_ROUND = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../events/seed/round.json'), 'utf8'),
) as { items: unknown[] };

/** The published report of a round holding just plan item 1, as `content` says. */
export function oneItemReport(content: unknown): Report {
  const round = validateRound({ ...SEED_ROUND, items: SEED_ROUND.items.slice(0, 1) });
  const submission = validateSubmission(content);
  if (!round.ok || !submission.ok) {
    throw new Error(`not a valid item 1: ${JSON.stringify(submission.problems.slice(0, 2))}`);
  }
  const report = buildReport(round.value, [submission.value]);
  if (!report.ok) throw new Error(`report did not build: ${JSON.stringify(report.problems)}`);
  return report.value;
}

/** Every string of a section's content as "x": the same outline, no input. */
function blank(value: unknown): unknown {
  if (typeof value === 'string') return value === 'none' ? value : 'x';
  if (Array.isArray(value)) return value.map(blank);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blank(v)]));
  }
  return value;
}

/** Each tag's name and attribute names, in document order; attribute values left out. */
export function htmlSkeleton(html: string): string[] {
  return (html.match(/<[^>]*>/g) ?? []).map((tag) => {
    const bare = tag.replace(/"[^"]*"|'[^']*'/g, '""');
    const name = /^<\/?\s*([^\s>/]+)/.exec(bare)?.[1]?.toLowerCase() ?? '?';
    const attributes = [...bare.slice(1).matchAll(/\s([^\s=>/]+)/g)].map((m) => m[1]);
    return [tag.startsWith('</') ? `/${name}` : name, ...attributes].join(' ');
  });
}

export function expectInertHtml(id: string, report: Report, storedText?: string): void {
  const html = renderReportHtml(report);
  const item = report.items[0];
  if (!item) throw new Error('no item');
  const plain = renderReportHtml({
    ...report,
    items: [
      {
        ...item,
        objectives: blank(item.objectives) as typeof item.objectives,
        progress: blank(item.progress) as typeof item.progress,
        problems: blank(item.problems) as typeof item.problems,
        recommendations: blank(item.recommendations) as typeof item.recommendations,
      },
    ],
  });
  expect(htmlSkeleton(html), id).toEqual(htmlSkeleton(plain));
  expect(html.match(/<script/gi), id).toBeNull();
  if (storedText !== undefined) expect(html, id).toContain(escapeHtml(storedText));
}

export async function expectExactPdfText(id: string, report: Report): Promise<void> {
  const lines = await extractBodyLines(await renderReportPdf(report));
  const summaryAt = lines.findIndex((line) => line.startsWith(SUMMARY_HEADING_TH));
  const alignment = alignLinesWithText(
    lines.slice(0, summaryAt),
    renderReportText(report, { summary: false }),
  );
  expect(alignment, id).toMatchObject({ ok: true });
}
