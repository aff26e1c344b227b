/**
 * How long the CLI takes as a person feels it: each command a fresh process,
 * timed from spawn to exit, beside bare Node (`node -e 0`) measured in the
 * same rounds. The runs are interleaved (one of each case per round) so that
 * a burst of load on a shared machine falls on every case alike.
 * Goal (issue 12): each command ≤ 350 ms and ≤ 3× bare Node.
 *
 * Alone: node bin/run-ts.mjs bench/cli-startup-bench.ts
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { buildCli, isBuildFresh } from '../bin/cli-build.mjs';
import { readRoundFolder } from '../cli/read-round-folder.js';
import { assembleReport } from '../shared/report/assemble-report.js';
import { renderReportText } from '../shared/report/render-report-text.js';
import { median } from './bench-process.js';

const SEED_FOLDER = 'events/seed';
const WORK = join('out', 'bench');
const BIN = 'bin/acm-report.mjs';
const LIMIT_MS = 350;
const LIMIT_RATIO = 3;

export interface CliStartupCase {
  name: string;
  args: string[];
  medianMs: number;
  minMs: number;
  overBareNode: number;
  withinGoal: boolean;
}

export interface CliStartupBench {
  runs: number;
  bareNodeMs: number;
  cases: CliStartupCase[];
}

/** One plan item of the seed as a Word file, one paragraph per outline line. */
async function seedItemDocx(file: string): Promise<void> {
  const folder = await readRoundFolder(SEED_FOLDER);
  const report = assembleReport(folder.round, folder.submissions);
  if (!report.ok) throw new Error('the seed round does not assemble');
  const item = { ...report.value, items: report.value.items.slice(0, 1) };
  const lines = renderReportText(item, { summary: false }).split('\n');
  const document = new Document({
    sections: [
      {
        children: lines.map(
          (text) => new Paragraph({ children: [new TextRun({ text, font: 'TH Sarabun New' })] }),
        ),
      },
    ],
  });
  writeFileSync(file, await Packer.toBuffer(document));
}

function timeProcess(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) {
    throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr || run.stdout}`);
  }
  return ms;
}

export async function runCliStartupBench(
  log: (line: string) => void,
  runs = 15,
): Promise<CliStartupBench> {
  mkdirSync(WORK, { recursive: true });
  if (!isBuildFresh()) {
    log('Building the CLI (dist/ is older than the sources) …');
    await buildCli();
  }
  const docx = join(WORK, 'cli-seed-item.docx');
  await seedItemDocx(docx);
  const cases = [
    { name: 'validate submission .json', args: [BIN, 'validate', `${SEED_FOLDER}/items/3.json`] },
    {
      name: 'validate outline .txt',
      args: [BIN, 'validate', `${SEED_FOLDER}/opdc-fy2566-h1.txt`],
    },
    { name: 'validate Word .docx', args: [BIN, 'validate', docx] },
    {
      name: 'render --format text',
      args: [BIN, 'render', '--in', SEED_FOLDER, '--format', 'text'],
    },
  ];
  const bare = ['-e', '0'];
  // One untimed run of each first: the file cache, not the CLI, is what a first run measures.
  for (const c of [{ args: bare }, ...cases]) timeProcess(c.args);
  const times = new Map<string, number[]>();
  for (const name of ['bare', ...cases.map((c) => c.name)]) times.set(name, []);
  for (let round = 0; round < runs; round += 1) {
    log(`round ${round + 1}/${runs}`);
    times.get('bare')?.push(timeProcess(bare));
    for (const c of cases) times.get(c.name)?.push(timeProcess(c.args));
  }
  const bareNodeMs = median(times.get('bare') ?? []);
  return {
    runs,
    bareNodeMs,
    cases: cases.map((c) => {
      const samples = times.get(c.name) ?? [];
      const medianMs = median(samples);
      const overBareNode = medianMs / bareNodeMs;
      return {
        name: c.name,
        args: c.args.slice(1),
        medianMs,
        minMs: Math.min(...samples),
        overBareNode,
        withinGoal: medianMs <= LIMIT_MS && overBareNode <= LIMIT_RATIO,
      };
    }),
  };
}

export function printCliStartupBench(bench: CliStartupBench): void {
  console.log(
    `\nCLI start-up, fresh process each, median of ${bench.runs} interleaved runs (goal ≤ ${LIMIT_MS} ms and ≤ ${LIMIT_RATIO}× bare Node)`,
  );
  console.table([
    {
      command: 'node -e 0 (bare Node)',
      'median ms': bench.bareNodeMs.toFixed(0),
      '× bare': '1.00',
    },
    ...bench.cases.map((c) => ({
      command: c.name,
      'median ms': c.medianMs.toFixed(0),
      'min ms': c.minMs.toFixed(0),
      '× bare': c.overBareNode.toFixed(2),
      goal: c.withinGoal ? 'met' : 'MISSED',
    })),
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printCliStartupBench(await runCliStartupBench((line) => console.error(line)));
}
