import {
  defineManifest,
  LIST_AGENCY_PEOPLE,
  SMALL_FUNCTION,
  TABLE_NAME,
  USER_POOL_ID,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'create-agency',
  description: 'Creates an agency’s groups and invites its first coordinator (national operator)',
  handler: 'handler',
  trigger: { kind: 'http', method: 'POST', path: '/agencies' },
  environment: { TABLE_NAME, USER_POOL_ID },
  grants: [
    {
      on: 'user-pool',
      // Whether the agency has a coordinator already, its role groups, the coordinator's account.
      actions: [
        ...LIST_AGENCY_PEOPLE,
        'cognito-idp:CreateGroup',
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminAddUserToGroup',
      ],
    },
    { on: 'table', actions: ['dynamodb:PutItem'], partitionKeyPrefix: 'PEOPLE#' },
  ],
  ...SMALL_FUNCTION,
});
