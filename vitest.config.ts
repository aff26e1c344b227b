import { defineConfig } from 'vitest/config';
import { heaviestFirst } from './test/setup/heaviest-first.js';

/**
 * Files that start a whole embedded stack (DynamoDB, S3, SQS, Step Functions
 * and the local API in one process), with their typical wall seconds on two
 * cores. They run after the unit tests, with the browser files (each starts
 * a stack of its own), two files at a time: two stacks share the two cores,
 * while three would starve each other's timers and polls
 * (test/setup/suite-layout.test.ts keeps this list complete). The seconds
 * only order the files, heaviest first, where vitest has no timing of its
 * own yet (a fresh clone): test/setup/heaviest-first.ts.
 */
const STACK_FILE_SECONDS: Readonly<Record<string, number>> = {
  'test/authorisation/authorisation-matrix.test.ts': 38,
  'test/cli/workflow-commands.test.ts': 8,
  'test/e2e/large-round-on-local-stack.test.ts': 55,
  'test/e2e/seed-round-on-local-stack.test.ts': 20,
  'test/hardening/duplicates-and-disorder.test.ts': 6,
  'test/hardening/expired-decision.test.ts': 5,
  'test/hardening/fault-injection.test.ts': 45,
  'test/hostile/intake.hostile.test.ts': 55,
  'test/local/iam-and-environment-enforced.test.ts': 16,
  'test/local/iam-mail-and-people-enforced.test.ts': 6,
  'test/people/invited-director-to-published-report.test.ts': 14,
  'test/word/word-intake.test.ts': 8,
};
export const STACK_FILES = Object.keys(STACK_FILE_SECONDS);

/** Files that drive Chromium, with their typical seconds; their project installs it before they start. */
const BROWSER_FILE_SECONDS: Readonly<Record<string, number>> = {
  'test/catalogue/catalogue-in-browser.test.ts': 20,
  'test/people/people-screen-in-browser.test.ts': 19,
  'test/portal/portal-errors.test.ts': 12,
  'test/portal/portal-roles.test.ts': 93,
  'test/publish/html-in-browser.test.ts': 11,
};
export const BROWSER_FILES = Object.keys(BROWSER_FILE_SECONDS);

/**
 * Handler tests import a function's handler, whose module keeps its typed
 * environment and SDK clients from init: each file needs module instances of
 * its own, which test/setup/fresh-handler-modules.ts gives it, while the
 * files of a worker share the external packages (suite-layout.test.ts keeps
 * every file that imports a handler here).
 */
export const HANDLER_TESTS = 'test/functions/**/*.test.ts';

/** Every project builds the CLI first when a source changed: some tests run it as a process. */
const BUILD_CLI = 'test/setup/build-cli.ts';
/** The stack and browser files' template, synthesised in the background while the unit files run (once: listed in one project). */
const WARM_TEMPLATE = 'test/setup/warm-local-template.ts';
/**
 * vitest's default is one worker per core less one: a single worker on two
 * cores. The unit files spend much of their time waiting on the processes
 * and servers they start, so two workers keep both cores busy.
 */
const UNIT_WORKERS = 2;
/** Stack and browser files at once: one stack per core (vitest gives one group one pool). */
const STACK_WORKERS = 2;

export default defineConfig({
  test: {
    sequence: { sequencer: heaviestFirst({ ...STACK_FILE_SECONDS, ...BROWSER_FILE_SECONDS }) },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...STACK_FILES, ...BROWSER_FILES, HANDLER_TESTS],
          globalSetup: [BUILD_CLI],
          // Pure code, CLI processes and single emulators: one module graph per
          // worker serves every file (loading the SDK, zod and aws-cdk-lib once,
          // not once per file, halves the phase's CPU).
          isolate: false,
          maxWorkers: UNIT_WORKERS,
          // CLI tests start real processes; two cores share them. A synth in a
          // beforeAll took over 60 s once at load 14 (four other test runs beside
          // it): a limit is there to catch a hang, not a busy machine.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'handlers',
          include: [HANDLER_TESTS],
          globalSetup: [BUILD_CLI],
          // A fresh process per file loaded the SDK, Powertools and middy 13 times
          // (a third of the project's CPU); fresh project modules are enough.
          isolate: false,
          setupFiles: ['test/setup/fresh-handler-modules.ts'],
          maxWorkers: UNIT_WORKERS,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          // The browser files start a stack each too: one project, whose global
          // setup installs Chromium before any test starts, and whose two workers
          // serve both kinds (a worker's first stack costs seconds of loading).
          name: 'stack',
          include: [...STACK_FILES, ...BROWSER_FILES],
          globalSetup: [BUILD_CLI, WARM_TEMPLATE, 'test/setup/install-chromium.ts'],
          maxWorkers: STACK_WORKERS,
          // A worker's later stacks load the handlers afresh (local-functions.ts
          // imports them per stack) and reach their own endpoints (one SDK client
          // per endpoint); what they share is the SDK, aws-cdk-lib and the
          // emulators' modules, loaded once instead of once per file.
          isolate: false,
          // An upper bound for a stuck test, not a pace: tests wait on conditions.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
