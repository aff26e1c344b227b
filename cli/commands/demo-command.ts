/**
 * `acm-report demo`: renders the FY 2566 six-month
 * round of the committed fixtures to out/ as text, JSON, PDF and HTML and
 * prints the roll-up. Until the
 * embedded AWS stack lands, this is the main job run end to end offline.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBahtEnglish, parseBaht } from '../../shared/money/baht.js';
import { assembleReport } from '../../shared/report/assemble-report.js';
import { rollupSummaryLines } from '../../shared/report/rollup-summary.js';
import { formatProblems } from '../../shared/validation/format-problems.js';
import { readRoundFolder } from '../read-round-folder.js';
import { EXIT_INVALID, EXIT_OK } from '../usage-error.js';
import { RENDER_FORMATS, renderAs } from './render-command.js';

export { SEED_ROUND_FOLDER } from '../command-choices.js';

export async function runDemo(options: { in: string; out: string }): Promise<number> {
  const step = (n: number, text: string) => console.log(`[${n}/4] ${text}`);
  const extensions = { text: 'txt', json: 'json', pdf: 'pdf', html: 'html' } as const;
  step(1, `Reading the round and its submissions from ${options.in}/`);
  const folder = await readRoundFolder(options.in);
  step(2, `Validating ${folder.submissions.length} submission(s) and building the report`);
  const report = assembleReport(folder.round, folder.submissions);
  if (!report.ok || folder.problems.length > 0) {
    console.error(formatProblems([...folder.problems, ...report.problems]));
    return EXIT_INVALID;
  }
  step(3, `Rendering ${RENDER_FORMATS.join(', ')} to ${options.out}/`);
  await mkdir(options.out, { recursive: true });
  const written: string[] = [];
  for (const format of RENDER_FORMATS) {
    const started = performance.now();
    const path = join(options.out, `report.${extensions[format]}`);
    await writeFile(path, await renderAs(report.value, format));
    written.push(path);
    console.log(`      ${path} (${Math.round(performance.now() - started)} ms)`);
  }
  step(4, 'Roll-up');
  const { rollup, agency } = report.value;
  const total = parseBaht(rollup.budgetUsed);
  console.log(`\n${report.value.title}\n${agency.nameTh}\n`);
  for (const line of rollupSummaryLines(rollup, report.value)) console.log(`  ${line}`);
  console.log(
    `\n  ${rollup.items} items (${rollup.byKind.project} projects, ${rollup.byKind.activity} activities, ${rollup.byKind.measure} measures); budget used ${total.ok ? formatBahtEnglish(total.satang) : rollup.budgetUsed} THB; ${rollup.itemsWithProblems} with problems, ${rollup.itemsWithRecommendations} with recommendations`,
  );
  console.log(`\nWrote ${written.join(', ')}`);
  return EXIT_OK;
}
