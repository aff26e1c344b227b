/** The acceptance document (FY 2566 six-month report) and its committed fixtures. */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../shared/report/build-report.js';
import type { Report } from '../../shared/schemas/report-schema.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import type { Submission } from '../../shared/schemas/submission-schema.js';
import { validateRound, validateSubmission } from '../../shared/validation/validate-document.js';

export const SEED_FOLDER = join(import.meta.dirname, '../../events/seed');
export const SEED_TEXT_PATH = join(SEED_FOLDER, 'opdc-fy2566-h1.txt');

export function seedText(): string {
  return readFileSync(SEED_TEXT_PATH, 'utf8');
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function seedRoundJson(): unknown {
  return readJson(join(SEED_FOLDER, 'round.json'));
}

export function seedSubmissionJson(no: number): unknown {
  return readJson(join(SEED_FOLDER, 'items', `${no}.json`));
}

export function seedItemNumbers(): number[] {
  return readdirSync(join(SEED_FOLDER, 'items'))
    .map((name) => Number.parseInt(name, 10))
    .sort((a, b) => a - b);
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; problems: unknown }): T {
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.problems)}`);
  return result.value;
}

export function seedRound(): Round {
  return unwrap(validateRound(seedRoundJson()));
}

export function seedSubmissions(): Submission[] {
  return seedItemNumbers().map((no) => unwrap(validateSubmission(seedSubmissionJson(no))));
}

export function seedReport(): Report {
  return unwrap(buildReport(seedRound(), seedSubmissions()));
}
