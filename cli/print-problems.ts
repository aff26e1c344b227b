/** How the CLI shows problems and notices to a person: Thai first, then English. */

import type { ValidationProblem } from '../shared/validation/validation-problem.js';

function where(problem: ValidationProblem): string {
  // A text source's line says more than the JSON path "$" of the whole file.
  const path = problem.line && problem.path === '$' ? undefined : problem.path;
  const parts = [problem.file, problem.line ? `line ${problem.line}` : undefined, path];
  return parts.filter(Boolean).join(' · ');
}

export function formatProblem(problem: ValidationProblem, marker = '✗'): string {
  return [
    `${marker} ${where(problem)}  [${problem.code}]`,
    `    ${problem.message.th}`,
    `    ${problem.message.en}`,
    `    วิธีแก้: ${problem.fix.th}`,
    `    Fix: ${problem.fix.en}`,
  ].join('\n');
}

export function formatProblems(problems: readonly ValidationProblem[], marker = '✗'): string {
  return problems.map((p) => formatProblem(p, marker)).join('\n');
}
