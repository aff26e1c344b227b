/**
 * The FY 2566 six-month seed round as checked in (round.json and
 * items/<no>.json), for assembleReport to check. The files are the
 * repository's own; a broken one fails the assembly with its problems.
 */

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROUND_FILE } from '../shared/outline/import-report-outline.js';
import type { SourcedDocument } from '../shared/report/assemble-report.js';
import { parseJsonText } from '../shared/validation/parse-json-text.js';
import type { ValidationProblem } from '../shared/validation/validation-problem.js';

export interface SeedRound {
  round: SourcedDocument;
  submissions: SourcedDocument[];
  problems: ValidationProblem[];
}

export async function readSeedRound(folder: string): Promise<SeedRound> {
  const problems: ValidationProblem[] = [];
  const read = async (name: string): Promise<SourcedDocument> => {
    const bytes = await readFile(join(folder, name));
    const parsed = parseJsonText(bytes.toString('utf8'), bytes.byteLength);
    if (parsed.ok) return { source: name, value: parsed.value };
    problems.push(...parsed.problems.map((p) => ({ ...p, file: name })));
    return { source: name, value: undefined };
  };
  const items = (await readdir(join(folder, 'items')))
    .filter((name) => name.endsWith('.json'))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
  const round = await read(ROUND_FILE);
  const submissions: SourcedDocument[] = [];
  for (const name of items) submissions.push(await read(`items/${name}`));
  return { round, submissions, problems };
}
