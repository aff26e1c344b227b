import { DECIDED_INDEX } from '../../shared/adapters/table-keys.js';
import { defineManifest, SMALL_FUNCTION, TABLE_NAME } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'list-decisions',
  description: "The caller's decisions, newest first",
  handler: 'handler',
  trigger: { kind: 'http', method: 'GET', path: '/approvals/decided' },
  environment: {
    TABLE_NAME,
  },
  grants: [{ on: 'table', actions: ['dynamodb:Query'], index: DECIDED_INDEX }],
  ...SMALL_FUNCTION,
});
