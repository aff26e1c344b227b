import { INBOX_INDEX } from '../../shared/adapters/table-keys.js';
import { defineManifest, SMALL_FUNCTION, TABLE_NAME } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'list-approvals',
  description: "The caller's approvals inbox",
  handler: 'handler',
  trigger: { kind: 'http', method: 'GET', path: '/approvals' },
  environment: {
    TABLE_NAME,
  },
  grants: [{ on: 'table', actions: ['dynamodb:Query'], index: INBOX_INDEX }],
  ...SMALL_FUNCTION,
});
