/**
 * A round is stored as one DynamoDB item, which holds at most 400 KB. A
 * plan of about 1,100 items with Thai titles reaches that (each item's title,
 * kind and division take ~340 bytes of UTF-8), far more than any agency's
 * plan, but an oversized round must be refused with a clear answer when it
 * is opened, not fail as a 500 at the write. The budget leaves room for the
 * attributes added later (sign-off, published version) and for DynamoDB's
 * own accounting of names and types, which JSON only approximates.
 */

import type { ValidationProblem } from '../validation/validation-problem.js';
import type { RoundRecord } from './round-record.js';
import { workflowProblem } from './workflow-messages.js';

export const MAX_ROUND_RECORD_BYTES = 380_000;

/** The record's size as stored, approximately: its JSON in UTF-8. */
export function roundRecordBytes(record: RoundRecord): number {
  return Buffer.byteLength(JSON.stringify(record));
}

export function checkRoundSize(record: RoundRecord): ValidationProblem[] {
  const bytes = roundRecordBytes(record);
  if (bytes <= MAX_ROUND_RECORD_BYTES) return [];
  return [
    workflowProblem('round.tooLarge', '$.items', {
      items: record.round.items.length,
      kb: Math.ceil(bytes / 1000),
      maxKb: MAX_ROUND_RECORD_BYTES / 1000,
    }),
  ];
}
