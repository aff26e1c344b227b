/**
 * `acm-report start` (what `npm start` runs): the whole workflow on the
 * embedded local stack, no AWS account. Plays the FY 2566 six-month round
 * end to end, prints the published URLs, then keeps serving until Ctrl-C;
 * with --once it copies the published site to out/published/ and exits.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import { runSeedRoundScenario, SEED_FOLDER } from '../../local/seed-round-scenario.js';
import { assembleReport } from '../../shared/report/assemble-report.js';
import { formatProblems } from '../print-problems.js';
import { readRoundFolder } from '../read-round-folder.js';
import { EXIT_INVALID, EXIT_OK } from '../usage-error.js';

export interface StartOptions {
  once?: boolean;
  out: string;
}

/** Copies every object of the published bucket under `folder`, keys as paths. */
export async function copyPublishedSite(stack: LocalStack, folder: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await stack.s3.send(
      new ListObjectsV2Command({ Bucket: stack.publishedBucket, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      if (!object.Key) continue;
      const got = await stack.s3.send(
        new GetObjectCommand({ Bucket: stack.publishedBucket, Key: object.Key }),
      );
      const path = join(folder, object.Key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, (await got.Body?.transformToByteArray()) ?? new Uint8Array());
      keys.push(object.Key);
    }
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

export async function runStart(options: StartOptions): Promise<number> {
  const started = performance.now();
  const log = (line: string) => console.log(line);
  const folder = await readRoundFolder(SEED_FOLDER);
  const seed = assembleReport(folder.round, folder.submissions);
  if (!seed.ok) {
    console.error(formatProblems(seed.problems));
    return EXIT_INVALID;
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
