/**
 * Reads a round folder as the importer writes it: round.json and
 * items/<no>.json. JSON syntax problems are returned, not thrown.
 */

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROUND_FILE } from '../shared/outline/import-report-outline.js';
import type { SourcedDocument } from '../shared/report/assemble-report.js';
import { parseJsonText } from '../shared/validation/validate-document.js';
import type { ValidationProblem } from '../shared/validation/validation-problem.js';
import { readInputFile } from './read-input-file.js';
import { UsageError } from './usage-error.js';

export interface RoundFolder {
  round: SourcedDocument;
  submissions: SourcedDocument[];
  problems: ValidationProblem[];
}

async function readJson(
  folder: string,
  name: string,
  problems: ValidationProblem[],
): Promise<SourcedDocument | undefined> {
  const { text, bytes } = await readInputFile(join(folder, name));
  const parsed = parseJsonText(text, bytes);
  if (parsed.ok) return { source: name, value: parsed.value };
  problems.push(...parsed.problems.map((p) => ({ ...p, file: name })));
  return undefined;
}

export async function readRoundFolder(folder: string): Promise<RoundFolder> {
  const problems: ValidationProblem[] = [];
  const round = await readJson(folder, ROUND_FILE, problems);
  let names: string[];
  try {
    names = await readdir(join(folder, 'items'));
  } catch {
    throw new UsageError(`${folder} has no items/ folder (expected items/1.json, items/2.json …)`);
  }
  const itemNames = names
    .filter((n) => n.endsWith('.json'))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));
  const submissions: SourcedDocument[] = [];
  for (const name of itemNames) {
    const document = await readJson(folder, `items/${name}`, problems);
    if (document) submissions.push(document);
  }
  return { round: round ?? { source: ROUND_FILE, value: undefined }, submissions, problems };
}
