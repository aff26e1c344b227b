#!/usr/bin/env node
// The acm-report command. Every command runs the compiled JavaScript in
// dist/ (built by `npm ci`; rebuilt here when a source changed since), except
// `start` and `chaos`: they run the embedded AWS stack, whose handlers, CDK
// app and portal build are read as TypeScript, so they run from the sources
// through tsx (a checkout has them; see bin/cli-build.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const command = process.argv[2];
if (command === 'start' || command === 'chaos') {
  const source = fileURLToPath(new URL('../cli/acm-report.ts', import.meta.url));
  if (!existsSync(source)) {
    console.error(
      `acm-report ${command} runs the embedded AWS stack from a checkout of the repository ` +
        '(git clone, npm ci, npm start); this installed copy has only the offline commands.',
    );
    process.exit(2);
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/acm-report.ts');
} else {
  const build = await import('./cli-build.mjs');
  if (!build.isBuildFresh()) await build.buildCli();
  await import('../dist/acm-report.mjs');
}
