import {
  defineManifest,
  LIST_AGENCY_PEOPLE,
  SMALL_FUNCTION,
  TABLE_NAME,
  USER_POOL_ID,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'disable-person',
  description: 'Disables a person’s account (coordinator; not oneself, not the last coordinator)',
  handler: 'handler',
  trigger: { kind: 'http', method: 'POST', path: '/agencies/{agencyId}/people/{sub}/disable' },
  environment: { TABLE_NAME, USER_POOL_ID },
  grants: [
    {
      on: 'user-pool',
      // The agency's members, the person's groups elsewhere (disabling is pool-wide), the disable.
      actions: [
        ...LIST_AGENCY_PEOPLE,
        'cognito-idp:AdminListGroupsForUser',
        'cognito-idp:AdminDisableUser',
      ],
    },
    { on: 'table', actions: ['dynamodb:PutItem'], partitionKeyPrefix: 'PEOPLE#' },
  ],
  ...SMALL_FUNCTION,
});
