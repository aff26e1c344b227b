import {
  defineManifest,
  LIST_AGENCY_PEOPLE,
  SMALL_FUNCTION,
  TABLE_NAME,
  USER_POOL_ID,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'list-people',
  description: "The agency's people, roles, divisions and last activity (coordinator)",
  handler: 'handler',
  trigger: { kind: 'http', method: 'GET', path: '/agencies/{agencyId}/people' },
  environment: { TABLE_NAME, USER_POOL_ID },
  grants: [{ on: 'user-pool', actions: LIST_AGENCY_PEOPLE }],
  ...SMALL_FUNCTION,
});
