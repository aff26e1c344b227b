import { INCOMING_PREFIX } from '../../shared/workflow/object-prefixes.js';
import {
  defineManifest,
  INCOMING_BUCKET,
  SMALL_FUNCTION,
  TABLE_NAME,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'request-upload',
  description: 'Presigns an upload POST for one plan item',
  handler: 'handler',
  trigger: {
    kind: 'http',
    method: 'POST',
    path: '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/uploads',
  },
  environment: {
    TABLE_NAME,
    INCOMING_BUCKET,
  },
  grants: [
    { on: 'table', actions: ['dynamodb:GetItem', 'dynamodb:PutItem'] },
    // The presigned POST is signed with this role: it may create upload objects, nothing else.
    {
      on: 'incoming-bucket',
      actions: ['s3:PutObject'],
      prefix: INCOMING_PREFIX,
      why: 'the presigned POST names one upload key.',
    },
  ],
  ...SMALL_FUNCTION,
});
