import { defineManifest, SMALL_FUNCTION, TABLE_NAME } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'get-item',
  description: "A plan item's state, versions, decisions and latest refused upload",
  handler: 'handler',
  trigger: {
    kind: 'http',
    method: 'GET',
    path: '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}',
  },
  environment: {
    TABLE_NAME,
  },
  grants: [
    { on: 'table', actions: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:BatchGetItem'] },
  ],
  ...SMALL_FUNCTION,
});
