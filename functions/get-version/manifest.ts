import { SUBMISSIONS_PREFIX } from '../../shared/workflow/object-prefixes.js';
import {
  defineManifest,
  INCOMING_BUCKET,
  SMALL_FUNCTION,
  TABLE_NAME,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'get-version',
  description: "A stored version's submission, for the preview",
  handler: 'handler',
  trigger: {
    kind: 'http',
    method: 'GET',
    path: '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/versions/{version}',
  },
  environment: {
    TABLE_NAME,
    INCOMING_BUCKET,
  },
  grants: [
    { on: 'table', actions: ['dynamodb:GetItem'] },
    {
      on: 'incoming-bucket',
      actions: ['s3:GetObject'],
      prefix: SUBMISSIONS_PREFIX,
      why: 'the preview reads the validated submission of one stored version.',
    },
  ],
  ...SMALL_FUNCTION,
});
