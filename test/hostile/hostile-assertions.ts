/**
 * What every answer to a hostile upload must be, wherever it comes from
 * (the command line, intake): the expected problems, each with a Thai and
 * an English message and fix, none replaying invisible input.
 */

import { expect } from 'vitest';
import type { ValidationProblem } from '../../shared/validation/validation-problem.js';
import type { Expectation } from './hostile-cases.js';

const THAI = /[\u0E00-\u0E7F]/;
/** Controls, format characters (bidi), lone surrogates, line separators. */
export const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;
/** Characters output may hold: newlines between lines, nothing else invisible. */
export const INVISIBLE_EXCEPT_NEWLINE = /(?!\n)[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;

export function expectProblemsMatch(
  id: string,
  expected: Expectation,
  problems: readonly ValidationProblem[],
): void {
  if (expected.outcome === 'accept') {
    expect(problems, id).toEqual([]);
    return;
  }
  expect(problems.length, id).toBeGreaterThan(0);
  const found = problems.map((p) => ({ path: p.path, code: p.code }));
  for (const want of expected.problems) expect(found, id).toContainEqual(want);
  for (const problem of problems) {
    expect(problem.message.th, id).toMatch(THAI);
    expect(problem.fix.th, id).toMatch(THAI);
    expect(problem.message.en.length, id).toBeGreaterThan(5);
    expect(problem.fix.en.length, id).toBeGreaterThan(5);
    for (const text of [
      problem.path,
      problem.message.th,
      problem.message.en,
      problem.fix.th,
      problem.fix.en,
    ]) {
      expect(INVISIBLE.test(text), `${id}: ${JSON.stringify(text.slice(0, 200))}`).toBe(false);
      // A problem is small enough to store, however large the input was.
      expect(text.length, id).toBeLessThan(2_000);
    }
  }
}
