import { DRAFTS_PREFIX } from '../../shared/workflow/object-prefixes.js';
import {
  defineManifest,
  INCOMING_BUCKET,
  SMALL_FUNCTION,
  TABLE_NAME,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'get-draft',
  description: 'The rolled-up report awaiting sign-off',
  handler: 'handler',
  trigger: { kind: 'http', method: 'GET', path: '/agencies/{agencyId}/rounds/{roundId}/draft' },
  environment: {
    TABLE_NAME,
    INCOMING_BUCKET,
  },
  grants: [
    { on: 'table', actions: ['dynamodb:GetItem'] },
    {
      on: 'incoming-bucket',
      actions: ['s3:GetObject'],
      prefix: DRAFTS_PREFIX,
      why: 'the sign-off preview reads the rolled-up draft.',
    },
  ],
  ...SMALL_FUNCTION,
});
