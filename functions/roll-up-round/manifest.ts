import { DRAFTS_PREFIX, SUBMISSIONS_PREFIX } from '../../shared/workflow/object-prefixes.js';
import { defineManifest, INCOMING_BUCKET, TABLE_NAME } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'roll-up-round',
  description: 'Builds the round report from the approved versions for sign-off',
  handler: 'handler',
  trigger: { kind: 'state-machine' },
  environment: { TABLE_NAME, INCOMING_BUCKET },
  grants: [
    { on: 'table', actions: ['dynamodb:Query', 'dynamodb:BatchGetItem'] },
    {
      on: 'incoming-bucket',
      actions: ['s3:GetObject'],
      prefix: SUBMISSIONS_PREFIX,
      why: 'the roll-up reads the approved submissions not kept in the table (over 64 KiB, or stored before documents were kept).',
    },
    {
      on: 'incoming-bucket',
      actions: ['s3:PutObject'],
      prefix: DRAFTS_PREFIX,
      why: 'the roll-up writes the draft report per sign-off attempt.',
    },
  ],
  memorySize: 1024,
  timeoutSeconds: 60,
});
