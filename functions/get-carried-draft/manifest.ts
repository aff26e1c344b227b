import { CARRIED_PREFIX } from '../../shared/workflow/object-prefixes.js';
import {
  defineManifest,
  INCOMING_BUCKET,
  SMALL_FUNCTION,
  TABLE_NAME,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'get-carried-draft',
  description: "A division's FY draft carried over from its approved H1 version",
  handler: 'handler',
  trigger: {
    kind: 'http',
    method: 'GET',
    path: '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/carried',
  },
  environment: {
    TABLE_NAME,
    INCOMING_BUCKET,
  },
  grants: [
    // The round's item, and the H1 version's approval steps by id (when it was approved).
    { on: 'table', actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem'] },
    {
      on: 'incoming-bucket',
      actions: ['s3:GetObject'],
      prefix: CARRIED_PREFIX,
      why: 'the portal offers the draft the carry-over wrote for the item.',
    },
  ],
  ...SMALL_FUNCTION,
});
