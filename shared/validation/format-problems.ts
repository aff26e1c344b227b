/**
 * How a command line shows problems to a person: Thai first, then English.
 * Shared by cli/ and the local stack's entry points (local/start.ts).
 */

import { displayValue } from './display-value.js';
import type { ValidationProblem } from './validation-problem.js';

function wordPlace(problem: ValidationProblem): string | undefined {
  if (problem.paragraph === undefined) return undefined;
  const cell = problem.cell
    ? `table ${problem.cell.table} row ${problem.cell.row} column ${problem.cell.column} · `
    : '';
  const quoted = problem.snippet ? ` “${displayValue(problem.snippet)}”` : '';
  return `${cell}paragraph ${problem.paragraph}${quoted}`;
}

function where(problem: ValidationProblem): string {
  const word = wordPlace(problem);
  // A source's line or paragraph says more than the JSON path "$" of the whole file.
  const located = word !== undefined || problem.line !== undefined;
  const path = located && problem.path === '$' ? undefined : problem.path;
  const line = word === undefined && problem.line ? `line ${problem.line}` : undefined;
  const parts = [problem.file, word, line, path];
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
