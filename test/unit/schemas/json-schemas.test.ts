/**
 * The generated JSON Schemas, checked with an independent validator (Ajv):
 * they accept our fixtures and refuse what the zod schemas refuse on shape.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, documentJsonSchema } from '../../../shared/schemas/json-schemas.js';
import {
  seedItemNumbers,
  seedReport,
  seedRoundJson,
  seedSubmissionJson,
} from '../../helpers/seed-round.js';

function validator(type: (typeof DOCUMENT_TYPES)[number]) {
  // Formats (date-time) are checked by zod; Ajv checks the shape here.
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  return ajv.compile(documentJsonSchema(type));
}

describe('JSON Schemas', () => {
  it('exist for round, submission and report, each with an id and title', () => {
    expect(DOCUMENT_TYPES).toEqual(['round', 'submission', 'report']);
    for (const type of DOCUMENT_TYPES) {
      const schema = documentJsonSchema(type);
      expect(schema.$id).toBe(`urn:acm-report:schema:v1:${type}`);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('accept the committed round, every seed submission and the built report', () => {
    expect(validator('round')(seedRoundJson())).toBe(true);
    const submission = validator('submission');
    for (const no of seedItemNumbers()) {
      expect(submission(seedSubmissionJson(no)), `item ${no}`).toBe(true);
    }
    expect(validator('report')(JSON.parse(JSON.stringify(seedReport())))).toBe(true);
  });

  it('refuse the invalid fixtures whose fault is one of shape', () => {
    const folder = join(import.meta.dirname, '../../fixtures/invalid-submissions');
    const shapeFaults = readdirSync(folder).filter((n) =>
      /missing-|unknown-top-level|unknown-key|progress-string|recommendations-null|agency-with-slash|schema-version|period-h2/.test(
        n,
      ),
    );
    expect(shapeFaults.length).toBeGreaterThanOrEqual(10);
    const submission = validator('submission');
    for (const name of shapeFaults) {
      expect(submission(JSON.parse(readFileSync(join(folder, name), 'utf8'))), name).toBe(false);
    }
  });
});
