/**
 * Every Lambda bundle as CDK builds it (esbuild: ESM, minified, platform
 * node, the createRequire banner, the SDK bundled in, the credentials alias
 * of infra/constructs/function-bundling.ts): its size and its
 * import (init) time in a fresh Node process, beside a naive baseline built
 * in the same run: full zod plus the DynamoDB, Step Functions, S3 and SQS
 * clients and lib-dynamodb, every export kept. Goal (issue 4): each non-PDF
 * function imports in at most 60% of the baseline's time.
 */

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { MANIFESTS } from '../functions/manifests.js';
import { PDF_BUNDLE_ALIASES } from '../infra/bundling/pdf-bundle-aliases.js';
import { bundleAliases, functionBuildOptions } from '../infra/constructs/function-bundling.js';
import { median } from './bench-process.js';

const WORK = join('out', 'bench', 'functions');
/** At most this share of the baseline's import time, for every function that renders no PDF. */
export const IMPORT_GOAL = 0.6;
/** Read-only API functions (GET routes) load no writer or validator of uploads: a tighter goal (issue 12). */
export const READ_ONLY_IMPORT_GOAL = 0.4;

/** The goal `name` is held to: read-only API functions the tighter one. */
export function importGoalOf(name: string): number {
  const trigger = MANIFESTS.find((m) => m.name === name)?.trigger;
  return trigger?.kind === 'http' && trigger.method === 'GET' ? READ_ONLY_IMPORT_GOAL : IMPORT_GOAL;
}
/** Functions that bundle pdfkit and fontkit (and read Sarabun beside them); measured, not held to the goal. */
const PDF_FUNCTIONS = new Set(['publish-report']);
const RUNS = 11;
/**
 * The commit before the per-function manifests (issue 16): the same
 * functions built from it are imported in the same run, interleaved, so the
 * manifest change's cost at init is a ratio of like with like.
 */
const BEFORE_REF = process.env.ACM_BENCH_BEFORE_REF ?? 'aa52f04^';
// Lambda runs node22; this machine runs Node 20, so the measured bundles target what runs them.
const TARGET = 'node20';

// Reading every export of every namespace keeps all of them: esbuild cannot
// tree-shake what is enumerated at run time.
const BASELINE_SOURCE = `
import * as zod from 'zod';
import * as dynamodb from '@aws-sdk/client-dynamodb';
import * as sfn from '@aws-sdk/client-sfn';
import * as s3 from '@aws-sdk/client-s3';
import * as sqs from '@aws-sdk/client-sqs';
import * as documents from '@aws-sdk/lib-dynamodb';
const modules = [zod, dynamodb, sfn, s3, sqs, documents];
export const touched = modules.reduce(
  (n, m) => n + Object.values(m).filter((v) => v !== undefined).length,
  0,
);
`;

/**
 * Imports the module named in argv[1] and prints how long that took. Lambda
 * calls this the init phase: what runs before the first event.
 */
const MEASURE = `const started = performance.now();
const cpu = process.cpuUsage();
await import(process.argv[1]);
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }));`;

/** Packages whose minified bytes in each bundle are reported beside its size. */
const WATCHED = ['zod', '@aws-sdk', '@smithy', '@aws-lambda-powertools', 'pdfkit', 'saxes'];

export interface BundleFigures {
  name: string;
  bytes: number;
  importMs: number;
  minImportMs: number;
  /**
   * Median CPU time of the import (user + system, every thread of the
   * process). On a loaded machine the wall time waits for a core; this does
   * not, so it is printed beside it.
   */
  importCpuMs: number;
  /** Minified bytes each watched package contributes to the bundle. */
  packageBytes: Record<string, number>;
}

export interface FunctionBundleFigures extends BundleFigures {
  /** Median import time of the same function built from BEFORE_REF (absent if it had none). */
  beforeImportMs?: number;
  pdf: boolean;
  /** Median import time over the baseline's. */
  ofBaseline: number;
  /** Median import CPU time over the baseline's. */
  cpuOfBaseline: number;
  /** The share of the baseline it is held to (IMPORT_GOAL, or READ_ONLY_IMPORT_GOAL for a GET route). */
  goal: number;
  /** Undefined for a PDF function: it is measured but not held to the goal. */
  meetsGoal: boolean | undefined;
}

export interface FunctionBundlesResult {
  target: string;
  runs: number;
  goal: number;
  baseline: BundleFigures;
  functions: FunctionBundleFigures[];
  allNonPdfMeetGoal: boolean;
}

/** A client's copy with literal schema keys (infra/bundling/literal-key-clients.ts) counts as the client. */
const LITERAL_KEY_COPY =
  /node_modules\/\.cache\/acm-report\/literal-key-clients\/(client-[a-z0-9-]+?)-\d+\.\d+\.\d+-[0-9a-f]+\//;

function watchedPackageOf(path: string): string | undefined {
  const source = path.replace(LITERAL_KEY_COPY, 'node_modules/@aws-sdk/$1/');
  const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (!name) return undefined;
  return WATCHED.find((w) => name === w || name.startsWith(`${w}/`));
}

function bytesByPackage(metafile: Metafile): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const watched = watchedPackageOf(path);
      if (watched) totals[watched] = (totals[watched] ?? 0) + input.bytesInOutput;
    }
  }
  return totals;
}

type Entry = { entryPoints: string[] } | { stdin: { contents: string; resolveDir: string } };

interface BundleOptions {
  /** Where packages resolve from, for sources outside this checkout. */
  nodePaths?: string[];
  /** Packages replaced, as infra replaces them (none for the naive baseline). */
  alias?: Readonly<Record<string, string>>;
}

async function bundle(
  entry: Entry,
  outfile: string,
  { nodePaths = [], alias = {} }: BundleOptions = {},
): Promise<Record<string, number>> {
  const { metafile } = await build({
    ...functionBuildOptions(TARGET),
    ...entry,
    nodePaths,
    alias: { ...alias },
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  return bytesByPackage(metafile);
}

export function functionNames(): string[] {
  return readdirSync('functions')
    .filter((name) => existsSync(join('functions', name, 'handler.ts')))
    .sort();
}

/**
 * The variables a function's manifest declares, with placeholder values: a
 * handler reads its typed environment at init and refuses to start without it.
 */
function manifestEnvironment(name: string): Record<string, string> {
  const manifest = MANIFESTS.find((m) => m.name === name);
  return Object.fromEntries(
    Object.keys(manifest?.environment ?? {}).map((key) => [key, `bench-${key.toLowerCase()}`]),
  );
}

/**
 * One import in a fresh process. The environment is PATH and the function's
 * own variables only: no AWS or Powertools variables, which proves the
 * handlers create no client at import.
 */
function importOnce(
  file: string,
  environment: Record<string, string>,
): { ms: number; cpuMs: number } {
  const stdout = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', MEASURE, pathToFileURL(resolve(file)).href],
    // stderr is kept from the table: on Node 20 the SDK warns that it will soon need Node 22.
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { ms: number; cpuMs: number };
}

export async function runFunctionBundlesBench(
  log: (line: string) => void,
): Promise<FunctionBundlesResult> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const names = functionNames();
  log(`Bundling ${names.length} functions and the naive baseline with esbuild …`);
  const bundles: Array<{ name: string; file: string; packageBytes: Record<string, number> }> = [];
  const baselineFile = join(WORK, 'naive-baseline', 'index.mjs');
  bundles.push({
    name: 'naive-baseline',
    file: baselineFile,
    packageBytes: await bundle(
      { stdin: { contents: BASELINE_SOURCE, resolveDir: process.cwd() } },
      baselineFile,
    ),
  });
  for (const name of names) {
    const file = join(WORK, name, 'index.mjs');
    // A PDF function ships with the PDF aliases too, as infra builds it.
    const alias = PDF_FUNCTIONS.has(name)
      ? { ...bundleAliases(), ...PDF_BUNDLE_ALIASES }
      : bundleAliases();
    const packageBytes = await bundle(
      { entryPoints: [join('functions', name, 'handler.ts')] },
      file,
      {
        alias,
      },
    );
    // The renderer reads Sarabun from ./fonts beside its module, as the CDK hook ships it.
    if (PDF_FUNCTIONS.has(name)) {
      cpSync(join('shared', 'publish', 'fonts'), join(WORK, name, 'fonts'), { recursive: true });
    }
    bundles.push({ name, file, packageBytes });
  }

  const beforeDir = join(WORK, 'before-src');
  mkdirSync(beforeDir, { recursive: true });
  let beforeNames: string[] = [];
  try {
    execFileSync('sh', [
      '-c',
      `git archive ${BEFORE_REF} functions shared | tar -x -C "${beforeDir}"`,
    ]);
    beforeNames = names.filter((n) => existsSync(join(beforeDir, 'functions', n, 'handler.ts')));
  } catch {
    log(`  (no ${BEFORE_REF} in this clone: the before column stays empty)`);
  }
  // Bundled as that commit's infra bundled them: with the credentials alias only once it existed.
  const beforeCredentials = resolve(beforeDir, 'functions', 'common', 'lambda-credentials.ts');
  const beforeAliases: Record<string, string> = existsSync(beforeCredentials)
    ? { '@aws-sdk/credential-provider-node': beforeCredentials }
    : {};
  for (const name of beforeNames) {
    const file = join(WORK, `${name}.before`, 'index.mjs');
    try {
      await bundle({ entryPoints: [join(beforeDir, 'functions', name, 'handler.ts')] }, file, {
        nodePaths: [resolve('node_modules')],
        alias: beforeAliases,
      });
    } catch (error) {
      // The old sources may import a package this checkout no longer installs (mammoth, once).
      const first = (error as { errors?: Array<{ text: string }> }).errors?.[0]?.text;
      log(
        `  ${name} as of ${BEFORE_REF} does not build here (${first ?? error}): no before figure`,
      );
      continue;
    }
    if (PDF_FUNCTIONS.has(name)) {
      cpSync(join('shared', 'publish', 'fonts'), join(WORK, `${name}.before`, 'fonts'), {
        recursive: true,
      });
    }
    bundles.push({ name: `${name}.before`, file, packageBytes: {} });
  }

  log(`Importing each bundle in ${RUNS} fresh processes (interleaved, after one warm-up) …`);
  const times = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
  const cpuTimes = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
  // Round-robin, so a slow moment on the machine lands on every bundle alike.
  for (let run = 0; run <= RUNS; run++) {
    for (const b of bundles) {
      const { ms, cpuMs } = importOnce(
        b.file,
        manifestEnvironment(b.name.replace(/\.before$/, '')),
      );
      if (run > 0) {
        times.get(b.name)?.push(ms);
        cpuTimes.get(b.name)?.push(cpuMs);
      }
    }
  }

  const figures = bundles.map(
    (b): BundleFigures => ({
      name: b.name,
      bytes: statSync(b.file).size,
      importMs: median(times.get(b.name) ?? []),
      minImportMs: Math.min(...(times.get(b.name) ?? [])),
      importCpuMs: median(cpuTimes.get(b.name) ?? []),
      packageBytes: b.packageBytes,
    }),
  );
  const [baseline, ...measured] = figures;
  if (!baseline) throw new Error('the baseline was not measured');
  const before = new Map(
    measured.filter((f) => f.name.endsWith('.before')).map((f) => [f.name, f.importMs]),
  );
  const rest = measured.filter((f) => !f.name.endsWith('.before'));
  const functions = rest.map((f): FunctionBundleFigures => {
    const beforeImportMs = before.get(`${f.name}.before`);
    const pdf = PDF_FUNCTIONS.has(f.name);
    const ofBaseline = f.importMs / baseline.importMs;
    return {
      ...f,
      ...(beforeImportMs !== undefined ? { beforeImportMs } : {}),
      pdf,
      ofBaseline,
      cpuOfBaseline: f.importCpuMs / baseline.importCpuMs,
      goal: importGoalOf(f.name),
      meetsGoal: pdf ? undefined : ofBaseline <= importGoalOf(f.name),
    };
  });
  return {
    target: TARGET,
    runs: RUNS,
    goal: IMPORT_GOAL,
    baseline,
    functions,
    allNonPdfMeetGoal: functions.every((f) => f.meetsGoal !== false),
  };
}

const kib = (bytes: number) => (bytes / 1024).toFixed(0);

export function printFunctionBundlesBench(result: FunctionBundlesResult): void {
  const { baseline } = result;
  console.log(
    `\nFunction bundles (esbuild, ESM, minified, ${result.target}): size and import time, median of ${result.runs} fresh processes`,
  );
  console.table(
    Object.fromEntries(
      result.functions.map((f) => [
        f.name,
        {
          KiB: kib(f.bytes),
          'zod KiB': kib(f.packageBytes.zod ?? 0),
          'import ms': f.importMs.toFixed(1),
          'before ms': f.beforeImportMs?.toFixed(1) ?? '–',
          '% of baseline': `${(f.ofBaseline * 100).toFixed(0)}%`,
          'CPU ms': f.importCpuMs.toFixed(1),
          'CPU % of baseline': `${(f.cpuOfBaseline * 100).toFixed(0)}%`,
          goal: `≤ ${f.goal * 100}%`,
          met: f.meetsGoal === undefined ? 'PDF, not held' : f.meetsGoal ? '✓' : '✗',
        },
      ]),
    ),
  );
  console.log(
    `naive baseline (full zod + DynamoDB, SFN, S3, SQS clients + lib-dynamodb): ${kib(baseline.bytes)} KiB (zod ${kib(baseline.packageBytes.zod ?? 0)} KiB), import ${baseline.importMs.toFixed(1)} ms (CPU ${baseline.importCpuMs.toFixed(1)} ms); the goal is held on the wall time`,
  );
  const missed = result.functions.filter((f) => f.meetsGoal === false).map((f) => f.name);
  console.log(
    missed.length === 0
      ? `Every non-PDF function imports within its goal (${result.goal * 100}% of the baseline's time, ${READ_ONLY_IMPORT_GOAL * 100}% for read-only API functions).`
      : `Over its goal: ${missed.join(', ')}`,
  );
}
