import {
  defineManifest,
  LIST_AGENCY_PEOPLE,
  SMALL_FUNCTION,
  TABLE_NAME,
  USER_POOL_ID,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'change-person-groups',
  description: 'Adds or removes one role or division of a person in the agency (coordinator)',
  handler: 'handler',
  trigger: { kind: 'http', method: 'POST', path: '/agencies/{agencyId}/people/{sub}/groups' },
  environment: { TABLE_NAME, USER_POOL_ID },
  grants: [
    {
      on: 'user-pool',
      // The agency's members (who the person is, how many coordinators remain), then the change.
      actions: [
        ...LIST_AGENCY_PEOPLE,
        'cognito-idp:CreateGroup',
        'cognito-idp:AdminAddUserToGroup',
        'cognito-idp:AdminRemoveUserFromGroup',
      ],
    },
    { on: 'table', actions: ['dynamodb:PutItem'], partitionKeyPrefix: 'PEOPLE#' },
  ],
  ...SMALL_FUNCTION,
});
