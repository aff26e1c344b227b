/** `acm-report render --in <dir> --format text|json --out <file>`. */

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { renderReportHtml } from '../../shared/publish/render-report-html.js';
import { assembleReport } from '../../shared/report/assemble-report.js';
import { renderReportText } from '../../shared/report/render-report-text.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import { formatProblems } from '../../shared/validation/format-problems.js';
import { RENDER_FORMATS, type RenderFormat } from '../command-choices.js';
import { readRoundFolder } from '../read-round-folder.js';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../usage-error.js';

export { RENDER_FORMATS, type RenderFormat };

export interface RenderCommandOptions {
  in: string;
  format: string;
  out?: string;
  summary: boolean;
}

export async function renderAs(
  report: Report,
  format: RenderFormat,
  summary = true,
): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'pdf': {
      // pdfkit, fontkit and the fonts load only when a PDF is asked for.
      const { renderReportPdf } = await import('../../shared/publish/render-report-pdf.js');
      return renderReportPdf(report);
    }
    case 'html':
      return renderReportHtml(report);
    case 'text':
      return renderReportText(report, { summary });
  }
}

export async function runRender(options: RenderCommandOptions): Promise<number> {
  const format = options.format as RenderFormat;
  if (!RENDER_FORMATS.includes(format)) {
    throw new UsageError(
      `--format ${options.format} is not available; use ${RENDER_FORMATS.join(', ')}`,
    );
  }
  const folder = await readRoundFolder(options.in);
  const report = assembleReport(folder.round, folder.submissions);
  const problems = [...folder.problems, ...report.problems];
  if (!report.ok || problems.length > 0) {
    console.error(formatProblems(problems));
    console.error(`\n${options.in}: ${problems.length} problem(s); nothing was rendered.`);
    return EXIT_INVALID;
  }
  if (format === 'pdf' && !options.out) {
    throw new UsageError('--format pdf needs --out <file.pdf> (PDF is binary)');
  }
  const output = await renderAs(report.value, format, options.summary);
  if (options.out) {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, output);
    console.error(`Wrote ${options.out} (${format}, ${report.value.items.length} plan items)`);
  } else {
    process.stdout.write(output);
  }
  return EXIT_OK;
}
