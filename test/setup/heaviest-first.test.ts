/**
 * The stack and browser files start heaviest first, across projects: by
 * vitest's timing of the last run where it has one, by their typical
 * duration on a fresh clone. Other groups keep vitest's own order.
 */

import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { heaviestFirst } from './heaviest-first.js';

const ROOT = '/repo';

interface FakeFile {
  project: string;
  path: string;
  groupOrder: number;
  /** vitest's timing of the last run, when it has one. */
  lastRunMs?: number;
  bytes: number;
}

function spec(file: FakeFile): TestSpecification {
  const fake = {
    moduleId: `${ROOT}/${file.path}`,
    project: {
      name: file.project,
      config: { sequence: { groupOrder: file.groupOrder }, isolate: false },
    },
  };
  // Only what the sequencers read of a specification.
  return fake as unknown as TestSpecification;
}

async function order(files: FakeFile[], typical: Record<string, number>): Promise<string[]> {
  const byKey = new Map(files.map((file) => [`${file.project}:${file.path}`, file]));
  const ctx = {
    config: { root: ROOT },
    cache: {
      getFileTestResults: (key: string) => {
        const ms = byKey.get(key)?.lastRunMs;
        return ms === undefined ? undefined : { duration: ms, failed: false };
      },
      getFileStats: (key: string) => ({ size: byKey.get(key)?.bytes ?? 0 }),
    },
  };
  // Only what the sequencers read of vitest's context.
  const Sequencer = heaviestFirst(typical);
  const sorted = await new Sequencer(ctx as unknown as Vitest).sort(files.map(spec));
  return sorted.map((s) => `${s.project.name}:${s.moduleId.slice(ROOT.length + 1)}`);
}

const unit = (path: string, bytes: number): FakeFile => ({
  project: 'unit',
  path,
  groupOrder: 0,
  bytes,
});

describe('heaviestFirst', () => {
  const typical = {
    'stack/chaos.test.ts': 45,
    'stack/big.test.ts': 20,
    'browser/roles.test.ts': 90,
  };
  const group1 = (lastRun?: Record<string, number>): FakeFile[] =>
    [
      { project: 'stack', path: 'stack/big.test.ts', groupOrder: 1, bytes: 90_000 },
      { project: 'stack', path: 'stack/chaos.test.ts', groupOrder: 1, bytes: 3_000 },
      { project: 'browser', path: 'browser/roles.test.ts', groupOrder: 1, bytes: 10_000 },
    ].map((file) => ({ ...file, lastRunMs: lastRun?.[file.path] }));

  it('starts a fresh clone’s stack and browser files by typical duration, across projects', async () => {
    expect(await order(group1(), typical)).toEqual([
      'browser:browser/roles.test.ts',
      'stack:stack/chaos.test.ts',
      'stack:stack/big.test.ts',
    ]);
  });

  it('prefers the last run’s timing where vitest has one', async () => {
    const lastRun = {
      'stack/big.test.ts': 100_000,
      'stack/chaos.test.ts': 30_000,
      'browser/roles.test.ts': 60_000,
    };
    expect(await order(group1(lastRun), typical)).toEqual([
      'stack:stack/big.test.ts',
      'browser:browser/roles.test.ts',
      'stack:stack/chaos.test.ts',
    ]);
  });

  it('keeps vitest’s order for a group without typical durations, and groups in their order', async () => {
    const files = [...group1(), unit('unit/small.test.ts', 100), unit('unit/large.test.ts', 5_000)];
    expect(await order(files, typical)).toEqual([
      'unit:unit/large.test.ts',
      'unit:unit/small.test.ts',
      'browser:browser/roles.test.ts',
      'stack:stack/chaos.test.ts',
      'stack:stack/big.test.ts',
    ]);
  });
});
