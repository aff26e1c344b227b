/**
 * What `acm-report start` (and `npm start`) does: the whole workflow on the
 * embedded local stack, no AWS account. Plays the FY 2566 six-month round
 * end to end, prints the published URLs, then keeps serving until Ctrl-C;
 * with --once it copies the published site to out/published/ and exits.
 */

import { join } from 'node:path';
import { assembleReport } from '../shared/report/assemble-report.js';
import { formatProblems } from '../shared/validation/format-problems.js';
import { copyPublishedSite } from './copy-published-site.js';
import { startLocalStack } from './local-stack.js';
import { readSeedRound } from './read-seed-round.js';
import { EXIT_FAILED, EXIT_OK } from './run-entry-point.js';
import { runSeedRoundScenario, SEED_FOLDER } from './seed-round-scenario.js';

export interface StartOptions {
  once?: boolean;
  out: string;
}

export async function startSeedRound(options: StartOptions): Promise<number> {
  const started = performance.now();
  const log = (line: string) => console.log(line);
  const folder = await readSeedRound(SEED_FOLDER);
  const seed = assembleReport(folder.round, folder.submissions);
  if (folder.problems.length > 0 || !seed.ok) {
    console.error(formatProblems([...folder.problems, ...(seed.ok ? [] : seed.problems)]));
    return EXIT_FAILED;
  }
  const divisions = seed.value.items.map((item) => item.division);
  const stack = await startLocalStack({
    agencyId: seed.value.agency.id,
    divisions,
    divisionNames: seed.value.divisions,
    log,
    onNotice: (notice) =>
      log(
        `      ✉ ${notice.kind}${notice.itemNo ? ` item ${notice.itemNo}` : ''}${notice.role ? ` (${notice.role})` : ''} → ${notice.groups.join(' + ')}`,
      ),
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await stack.close();
  };
  try {
    log(`      API ${stack.apiUrl} · public site ${stack.siteUrl}`);
    if (stack.portalUrl) log(`      Web portal ${stack.portalUrl}/`);
    log(
      `      DynamoDB ${stack.services.endpoints.dynamodb} · S3 ${stack.services.endpoints.s3} · SQS ${stack.services.endpoints.sqs} · Step Functions ${stack.stepFunctions.endpoint}`,
    );
    const result = await runSeedRoundScenario(stack, seed.value, log);
    log('');
    log(`Published in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
    log(`  index        ${result.urls.index}`);
    log(`  report.json  ${result.urls.json}`);
    log(`  report.pdf   ${result.urls.pdf}`);
    log(`  report.html  ${result.urls.html}`);
    if (options.once) {
      const target = join(options.out, 'published');
      const keys = await copyPublishedSite(stack, target);
      log(`Copied ${keys.length} published objects to ${target}/`);
      await close();
      return EXIT_OK;
    }
    if (stack.portalUrl) log(`\nWeb portal: ${stack.portalUrl}/  (choose a person to sign in as)`);
    log(
      `E-mail sent (local SES): ${stack.mail.endpoint}/  (every notice and invitation, as each person receives it)`,
    );
    log(
      '\nServing on 127.0.0.1 until Ctrl-C. Local people (the CLI signs in as one with --as <id>; the portal offers them):',
    );
    log(`  ${stack.identities.map((i) => i.id).join(', ')}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await close();
    return EXIT_OK;
  } catch (error) {
    await close();
    throw error;
  }
}
