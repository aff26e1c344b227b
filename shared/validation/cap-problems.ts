/**
 * At most MAX_PROBLEMS problems, and a last one saying how many there were:
 * a file of 60,000 unknown keys or 30,000 stray outline lines should cost
 * neither a 60,000-entry answer nor a result object of many megabytes.
 */

import { makeProblem } from './make-problem.js';
import type { ValidationProblem } from './validation-problem.js';

/** Problems listed at most; beyond it the file is seldom this kind of document. */
export const MAX_PROBLEMS = 100;

export function capProblems(problems: ValidationProblem[]): ValidationProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    makeProblem('document.tooManyProblems', '$', { count: problems.length, max: MAX_PROBLEMS }),
  ];
}
