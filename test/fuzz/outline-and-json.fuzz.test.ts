/**
 * Fuzz tests of both parsers: the seed, mutated at random (seeded, so a
 * failure replays), never makes them throw; whatever imports cleanly
 * renders and re-imports to the same documents.
 */

import { describe, expect, it } from 'vitest';
import { importReportOutline } from '../../shared/outline/import-report-outline.js';
import { buildReport } from '../../shared/report/build-report.js';
import { renderReportText } from '../../shared/report/render-report-text.js';
import { validateAnyDocument } from '../../shared/validation/validate-document.js';
import { seedSubmissionJson, seedText } from '../helpers/seed-round.js';
import { pick, seededRandom } from '../helpers/seeded-random.js';

const JUNK = [
  '๑)',
  '(๒)',
  '๓.๑)',
  '๔.',
  '๑.๒.๓ ',
  '.....',
  '\f',
  '- ๕ -',
  '๑.๓ งบประมาณ',
  'ไม่มี',
  ')',
  '\u202E',
  '\u0000',
  ' ',
];

function mutateLines(text: string, random: () => number): string {
  const lines = text.split('\n');
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * lines.length);
    switch (Math.floor(random() * 5)) {
      case 0:
        lines.splice(at, 1);
        break;
      case 1:
        lines.splice(at, 0, lines[Math.floor(random() * lines.length)] ?? '');
        break;
      case 2:
        lines.splice(at, 0, pick(random, JUNK));
        break;
      case 3:
        lines[at] = `${pick(random, JUNK)}${lines[at] ?? ''}`;
        break;
      default:
        lines.length = Math.max(1, at);
    }
  }
  return lines.join('\n');
}

describe('Outline parser fuzz', () => {
  it('never throws on 400 mutated seeds; every problem names a line; clean imports round-trip', () => {
    const seed = seedText();
    const lineCount = seed.split('\n').length;
    let roundTrips = 0;
    for (let run = 0; run < 400; run++) {
      const random = seededRandom(run);
      const text = mutateLines(seed, random);
      const imported = importReportOutline(text);
      if (!imported.ok) {
        for (const problem of imported.problems) {
          expect(problem.message.en.length, `run ${run}`).toBeGreaterThan(0);
          if (problem.line !== undefined) {
            expect(problem.line, `run ${run}`).toBeLessThanOrEqual(lineCount + 10);
          } else {
            expect(problem.file, `run ${run}`).toBeDefined();
          }
        }
        continue;
      }
      const report = buildReport(imported.round, imported.submissions);
      if (!report.ok) throw new Error(`run ${run}: ${JSON.stringify(report.problems)}`);
      const again = importReportOutline(renderReportText(report.value, { summary: false }));
      if (!again.ok) throw new Error(`run ${run}: ${JSON.stringify(again.problems)}`);
      expect(again.submissions, `run ${run}`).toEqual(imported.submissions);
      expect(again.round, `run ${run}`).toEqual(imported.round);
      roundTrips++;
    }
    // The fuzz must exercise both outcomes to mean anything.
    expect(roundTrips).toBeGreaterThan(20);
    expect(roundTrips).toBeLessThan(400);
  });
});

const ODD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  '',
  '   ',
  'ไม่มี',
  'none',
  [],
  {},
  [[]],
  { text: 1 },
  '๑๒',
  'x'.repeat(20_000),
];

function mutateJson(value: unknown, random: () => number, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || random() < 0.15 || depth > 8) {
    return random() < 0.3 ? pick(random, ODD_VALUES) : value;
  }
  if (Array.isArray(value)) {
    return value.filter(() => random() > 0.1).map((v) => mutateJson(v, random, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (random() < 0.08) continue;
    out[random() < 0.03 ? `${key}_` : key] = mutateJson(child, random, depth + 1);
  }
  return out;
}

describe('Submission validator fuzz', () => {
  it('never throws on 1,000 mutated submissions and always explains a refusal', () => {
    let refused = 0;
    for (let run = 0; run < 1000; run++) {
      const random = seededRandom(10_000 + run);
      const input = mutateJson(seedSubmissionJson(1 + (run % 6)), random);
      const result = validateAnyDocument(input);
      if (result.ok) continue;
      refused++;
      for (const problem of result.problems) {
        expect(problem.path, `run ${run}`).toMatch(/^\$/);
        expect(problem.message.th.length, `run ${run}`).toBeGreaterThan(0);
        expect(problem.fix.en.length, `run ${run}`).toBeGreaterThan(0);
        expect(problem.code, `run ${run}`).not.toBe('invalid');
      }
    }
    expect(refused).toBeGreaterThan(500);
  });
});
