/**
 * Plan items of a synthetic round made approved in bulk, as if each had been
 * uploaded, accepted and approved: version 1 in DynamoDB, its converted
 * document kept beside it, and the item's state pointing at it. Written
 * through the repositories' own row builders and batch writer
 * (BatchWriteItem, 25 rows a call) straight to the embedded DynamoDB, so a
 * 5,000-item round can be rolled up without 5,000 trips through intake and
 * the approval chain (the tests of those cover them item by item).
 *
 * Intake also writes each document to S3. The roll-up reads a kept document
 * from the table, so the S3 copies are left out unless asked for: on the
 * embedded S3 they cost about 20 ms each, minutes for a 5,000-item round.
 */

import { createHash, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchPutAll } from '../shared/adapters/dynamodb-batch.js';
import { keptDocumentRow } from '../shared/adapters/dynamodb-submission-repository.js';
import { itemStateKey, versionKey } from '../shared/adapters/table-keys.js';
import type { Round } from '../shared/schemas/round-schema.js';
import type { Submission } from '../shared/schemas/submission-schema.js';
import { validateSubmission } from '../shared/validation/validate-submission.js';
import { mapLimit } from '../shared/workflow/map-limit.js';
import type { ItemState } from '../shared/workflow/round-record.js';
import { documentRefOf, type SubmissionVersion } from '../shared/workflow/submission-version.js';
import { submissionObjectKey, uploadKey } from '../shared/workflow/upload-key.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './embedded-services.js';
import type { LocalStack } from './local-stack.js';
import { type SeedPlan, seedIndexOf, syntheticSubmission } from './synthetic-round.js';

/** S3 copies written at once: enough to overlap the emulator's file writes, few enough for 2 cores. */
const PUTS_IN_FLIGHT = 16;

export interface SeededRound {
  agencyId: string;
  roundId: string;
  round: Round;
}

export async function seedApprovedItems(
  stack: LocalStack,
  seed: SeedPlan,
  target: SeededRound,
  itemNos: readonly number[],
  options: { s3Copies?: boolean } = {},
): Promise<void> {
  const { agencyId, roundId, round } = target;
  const at = new Date().toISOString();
  const rows: Record<string, unknown>[] = [];
  const copies: Array<{ key: string; body: string }> = [];
  // Synthetic items that copy one seed item differ only in their number (a
  // plan item's, which the round already bounds): each seed item is
  // validated once and renumbered, not 5,000 times over (validating Thai
  // text is most of the seeding's CPU on two cores).
  const validated = new Map<number, Submission>();
  for (const itemNo of itemNos) {
    const kind = seedIndexOf(seed, itemNo);
    let template = validated.get(kind);
    if (!template) {
      const checked = validateSubmission(syntheticSubmission(seed, round, itemNo));
      if (!checked.ok) throw new Error(`synthetic item ${itemNo} does not validate`);
      template = checked.value;
      validated.set(kind, template);
    }
    const submission: Submission = { ...template, itemNo };
    const place = {
      agencyId,
      roundId,
      itemNo,
      division: submission.division,
      uploadId: randomUUID(),
    };
    // The bytes intake writes for an accepted upload (S3BlobStore.putJson).
    const body = `${JSON.stringify(submission, null, 2)}\n`;
    const version: SubmissionVersion = {
      agencyId,
      roundId,
      itemNo,
      division: submission.division,
      version: 1,
      source: {
        uploadId: place.uploadId,
        key: uploadKey(place),
        etag: createHash('md5').update(body).digest('hex'),
        sha256: createHash('sha256').update(body).digest('hex'),
        format: 'json',
        size: Buffer.byteLength(body),
      },
      documentKey: submissionObjectKey(place),
      uploadedBy: 'seeded',
      uploadedAt: at,
      status: 'approved',
    };
    const kept = keptDocumentRow(documentRefOf(version), submission);
    if (!kept) throw new Error(`synthetic item ${itemNo} is too large to keep in the table`);
    const state: ItemState = {
      itemNo,
      division: submission.division,
      currentVersion: 1,
      status: 'approved',
      approvedVersion: 1,
      updatedAt: at,
    };
    rows.push({ ...versionKey(agencyId, roundId, itemNo, 1), ...version }, kept, {
      ...itemStateKey(agencyId, roundId, itemNo),
      ...state,
    });
    copies.push({ key: version.documentKey, body });
  }
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.services.endpoints.dynamodb,
    }),
  );
  await batchPutAll(client, stack.resources.tableName, rows);
  if (!options.s3Copies) return;
  await mapLimit(copies, PUTS_IN_FLIGHT, ({ key, body }) =>
    stack.s3.send(
      new PutObjectCommand({
        Bucket: stack.incomingBucket,
        Key: key,
        Body: body,
        ContentType: 'application/json; charset=utf-8',
      }),
    ),
  );
}
