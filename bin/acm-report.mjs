#!/usr/bin/env node
// The acm-report command. Every command runs the compiled JavaScript in
// dist/ (built by `npm ci`; rebuilt here when a source changed since), except
// `start` and `chaos`: they run the embedded AWS stack, whose handlers, CDK
// app and portal build are read as TypeScript, so they run from the sources
// through tsx (a checkout has them; see bin/cli-build.mjs). Those two are
// entry points of local/ (cli/ never imports local/); the CLI's help lists them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LOCAL_STACK_ENTRY_POINTS = {
  start: '../local/start.ts',
  chaos: '../local/chaos/chaos-main.ts',
};

const command = process.argv[2];
const localEntryPoint = Object.hasOwn(LOCAL_STACK_ENTRY_POINTS, command ?? '')
  ? LOCAL_STACK_ENTRY_POINTS[command]
  : undefined;
if (localEntryPoint) {
  const entry = new URL(localEntryPoint, import.meta.url);
  const source = fileURLToPath(entry);
  if (!existsSync(source)) {
    console.error(
      `acm-report ${command} runs the embedded AWS stack from a checkout of the repository ` +
        '(git clone, npm ci, npm start); this installed copy has only the offline commands.',
    );
    process.exit(2);
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(entry.href);
} else {
  const build = await import('./cli-build.mjs');
  if (!build.isBuildFresh()) await build.buildCli();
  await import('../dist/acm-report.mjs');
}
