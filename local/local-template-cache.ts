/**
 * The synthesised template, kept on disk between local stacks. Synthesis
 * (loading aws-cdk-lib and building the stack) takes 10–30 s on a 2-core
 * machine, and every stack test file, `npm start` and `chaos` starts a stack
 * of its own: with the template cached, only the first pays.
 *
 * What varies from one stack to the next is the port of the portal (the
 * notification webhook's URL is not in the template: it is put into the
 * stack's secret at start). The template is synthesised with placeholder URLs
 * in its place and the placeholders are replaced in the cached text, so
 * one synthesis serves every port. The cache key is a digest of every source
 * the template is built from (infra/, functions/, shared/, cdk.json, the
 * lockfile, local-template.ts) and of the options that shape it: a change to any of them
 * synthesises afresh.
 */

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnTemplate } from './local-template.js';
import { PROJECT_ROOT, sourcesDigest } from './sources-digest.js';

export const TEMPLATE_CACHE_DIR = join(
  PROJECT_ROOT,
  'node_modules/.cache/acm-report-local-template',
);
const SOURCE_FOLDERS = ['infra', 'functions', 'shared'];
const SOURCE_FILES = ['cdk.json', 'package-lock.json', 'local/local-template.ts'];

/** `.invalid` is reserved (RFC 2606): a placeholder can never be a real host. */
const portalPlaceholder = (index: number) => `http://portal-${index}.acm-report.invalid`;

export interface TemplateInputs {
  region: string;
  agencies: string[];
  portalOrigins?: string[];
}

export type Synthesise = (
  region: string,
  agencies: string[],
  portalOrigins: string[] | undefined,
) => CfnTemplate;

/** A digest of every source the template is built from. */
export function templateSourcesDigest(root = PROJECT_ROOT): string {
  return sourcesDigest({ folders: SOURCE_FOLDERS, files: SOURCE_FILES }, root);
}

/** Replaces every occurrence of each placeholder in the template's text. */
function substitute(text: string, replacements: ReadonlyArray<[string, string]>): CfnTemplate {
  let out = text;
  for (const [placeholder, value] of replacements) out = out.split(placeholder).join(value);
  return JSON.parse(out) as CfnTemplate;
}

/**
 * The template for `inputs`, from the cache when the sources are unchanged,
 * otherwise synthesised (with placeholders) and cached.
 */
export function cachedLocalTemplate(
  inputs: TemplateInputs,
  synthesise: Synthesise,
  cacheDir = TEMPLATE_CACHE_DIR,
  sourcesDigest = templateSourcesDigest(),
): { template: CfnTemplate; fromCache: boolean } {
  const origins = inputs.portalOrigins;
  const placeholders = {
    origins: origins?.map((_, index) => portalPlaceholder(index)),
  };
  const key = createHash('sha256')
    .update(sourcesDigest)
    .update(JSON.stringify([inputs.region, inputs.agencies, placeholders]))
    .digest('hex')
    .slice(0, 32);
  const file = join(cacheDir, `${key}.json`);
  const replacements: Array<[string, string]> = [
    ...(placeholders.origins ?? []).map(
      (placeholder, index) => [placeholder, origins?.[index] ?? ''] as [string, string],
    ),
  ];
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Not cached yet.
  }
  if (text !== undefined) return { template: substitute(text, replacements), fromCache: true };
  text = JSON.stringify(synthesise(inputs.region, inputs.agencies, placeholders.origins));
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed: a stack starting meanwhile reads a whole file or none.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
  return { template: substitute(text, replacements), fromCache: false };
}
