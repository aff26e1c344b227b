import {
  INCOMING_PREFIX,
  RESULTS_PREFIX,
  SUBMISSIONS_PREFIX,
} from '../../shared/workflow/object-prefixes.js';
import {
  defineManifest,
  INCOMING_BUCKET,
  STATE_MACHINE_ARN,
  TABLE_NAME,
} from '../common/function-manifest.js';

/** The partition key of intake's Powertools idempotency records (one partition, keyed by sk). */
export const IDEMPOTENCY_PARTITION_KEY = 'idempotency#intake';

export const manifest = defineManifest({
  name: 'intake',
  description: 'Validates uploads, stores submission versions, starts approvals',
  handler: 'handler',
  trigger: { kind: 'queue', queue: 'intake-queue', batchSize: 10, maxBatchingWindowSeconds: 1 },
  environment: { TABLE_NAME, INCOMING_BUCKET, STATE_MACHINE_ARN },
  grants: [
    {
      on: 'table',
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
      why: 'upload records, versions, item states and idempotency records.',
    },
    {
      on: 'table',
      actions: ['dynamodb:DeleteItem'],
      partitionKeyPrefix: IDEMPOTENCY_PARTITION_KEY,
      why: 'an idempotency record is deleted when its record fails; nothing else is ever deleted.',
    },
    { on: 'state-machine', actions: ['states:StartExecution'] },
    {
      on: 'incoming-bucket',
      actions: ['s3:GetObject'],
      prefix: INCOMING_PREFIX,
      why: 'intake reads every upload.',
    },
    {
      on: 'incoming-bucket',
      actions: ['s3:PutObject'],
      prefix: SUBMISSIONS_PREFIX,
      why: 'intake writes converted submissions.',
    },
    {
      on: 'incoming-bucket',
      actions: ['s3:PutObject'],
      prefix: RESULTS_PREFIX,
      why: 'intake writes upload results.',
    },
  ],
  // The Word reader (zip parts and their XML trees in memory) on a file of a few MB.
  memorySize: 1024,
  timeoutSeconds: 60,
});
