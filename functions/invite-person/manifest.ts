import {
  defineManifest,
  SMALL_FUNCTION,
  TABLE_NAME,
  USER_POOL_ID,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'invite-person',
  description:
    'Invites a person by e-mail into the agency’s role and division groups (coordinator)',
  handler: 'handler',
  trigger: { kind: 'http', method: 'POST', path: '/agencies/{agencyId}/people' },
  environment: { TABLE_NAME, USER_POOL_ID },
  grants: [
    {
      on: 'user-pool',
      // The account (Cognito mails the invitation), a division group met for the first time, its groups.
      actions: [
        'cognito-idp:AdminCreateUser',
        'cognito-idp:CreateGroup',
        'cognito-idp:AdminAddUserToGroup',
      ],
    },
    { on: 'table', actions: ['dynamodb:PutItem'], partitionKeyPrefix: 'PEOPLE#' },
  ],
  ...SMALL_FUNCTION,
});
