/**
 * JSON Schema (draft 2020-12) for each document, generated from the zod
 * schemas so the two never drift. Divisions' tooling and open-data portals
 * validate against these; they describe the accepted *input* (Thai digits,
 * amounts as strings and so on).
 */

import { DOCUMENT_SCHEMAS, type DocumentType } from '../validation/validate-document.js';
import * as z from './zod-mini.js';

const TITLES: Record<DocumentType, string> = {
  round: 'acm-report round configuration',
  submission: 'acm-report division submission (one plan item, one round)',
  report: 'acm-report published monitoring report',
};

export function documentJsonSchema(type: DocumentType): Record<string, unknown> {
  const schema = z.toJSONSchema(DOCUMENT_SCHEMAS[type], {
    io: 'input',
    target: 'draft-2020-12',
    // Transforms (normalisation, amounts) validate as their input type.
    unrepresentable: 'any',
  });
  return {
    ...schema,
    $id: `urn:acm-report:schema:v1:${type}`,
    title: TITLES[type],
  };
}

export const DOCUMENT_TYPES = Object.keys(DOCUMENT_SCHEMAS) as DocumentType[];
