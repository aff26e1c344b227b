/**
 * The people's commands (submit, status, approvals) as real processes
 * against the local stack's API on 127.0.0.1.
 */

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import { AcmApiClient } from '../../shared/adapters/acm-api-client.js';
import { SEED_FOLDER, seedReport, seedRoundJson } from '../helpers/seed-round.js';
import { ROOT, spawnCli } from '../helpers/spawn-cli.js';

const seed = seedReport();
let stack: LocalStack;

const cli = (...args: string[]) => spawnCli(args);

const as = (id: string) => ['--api', stack.apiUrl, '--as', id, '--agency', seed.agency.id];

beforeAll(async () => {
  stack = await startLocalStack({
    agencyId: seed.agency.id,
    divisions: seed.items.map((i) => i.division),
  });
  await new AcmApiClient(stack.apiUrl, stack.tokenFor('coordinator')).openRound(
    seed.agency.id,
    seedRoundJson(),
  );
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('acm-report submit', () => {
  it('uploads a JSON submission and reports the accepted version', async () => {
    const run = await cli(
      'submit',
      join(SEED_FOLDER, 'items/1.json'),
      '--round',
      '2566-h1',
      ...as('staff-1'),
    );
    expect(run.stdout).toContain('accepted as version 1 of item 1');
    expect(run.code).toBe(0);
  });

  it('prints every problem of a rejected file, in Thai and English, and exits 1', async () => {
    const file = join(ROOT, 'test/fixtures/invalid-submissions/16-budget-three-decimals.json');
    const run = await cli('submit', file, '--round', '2566-h1', '--item', '2', ...as('staff-2'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('$.budgetUsed');
    expect(run.stdout).toContain('ทศนิยมเกิน ๒ ตำแหน่ง');
    expect(run.stdout).toContain('rejected (upload');
  });

  it("refuses another division's item", async () => {
    const run = await cli(
      'submit',
      join(SEED_FOLDER, 'items/3.json'),
      '--round',
      '2566-h1',
      ...as('staff-2'),
    );
    expect(run.code).toBe(1);
  });
});

describe('acm-report status and approvals', () => {
  it("shows the round's progress", async () => {
    await stack.settle();
    const run = await cli('status', '--round', '2566-h1', ...as('coordinator'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\b1\s+awaiting-approval v1/);
    expect(run.stdout).toContain('missing:');
  });

  it("lists the director's inbox and approves from it", async () => {
    await stack.settle();
    const list = await cli('approvals', 'list', '--json', ...as('director-1'));
    expect(list.code).toBe(0);
    const approvals = JSON.parse(list.stdout) as Array<{
      approvalId: string;
      subject: { itemNo: number };
    }>;
    expect(approvals.map((a) => a.subject.itemNo)).toEqual([1]);
    const id = approvals[0]?.approvalId ?? '';
    const approve = await cli('approvals', 'approve', id, ...as('director-1'));
    expect(approve.stdout).toContain(`approved ${id}`);
    expect(approve.code).toBe(0);
    // Another division's director sees nothing of it.
    const other = await cli('approvals', 'list', '--json', ...as('director-2'));
    expect(JSON.parse(other.stdout)).toEqual([]);
  });

  it('refuses a return without a comment (usage, exit 2)', async () => {
    const run = await cli('approvals', 'return', 'any-id', ...as('director-1'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--comment');
  });
});
