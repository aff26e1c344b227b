/** `acm-report schemas --out <dir>`: JSON Schema for every document type. */

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOCUMENT_TYPES, documentJsonSchema } from '../../shared/schemas/json-schemas.js';
import { EXIT_OK } from '../usage-error.js';

export async function runSchemas(options: { out: string }): Promise<number> {
  await mkdir(options.out, { recursive: true });
  for (const type of DOCUMENT_TYPES) {
    const path = join(options.out, `${type}.schema.json`);
    await writeFile(path, `${JSON.stringify(documentJsonSchema(type), null, 2)}\n`);
    console.error(`Wrote ${path}`);
  }
  return EXIT_OK;
}
