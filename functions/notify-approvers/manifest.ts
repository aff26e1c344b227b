import {
  defineManifest,
  MAIL_FROM,
  PORTAL_URL,
  SES_CONFIGURATION_SET,
  TABLE_NAME,
  USER_POOL_ID,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'notify-approvers',
  description:
    'Mails approval notices to the people who hold their groups (SES), chat webhook optional',
  handler: 'handler',
  trigger: { kind: 'queue', queue: 'approvals-queue', batchSize: 10 },
  environment: {
    TABLE_NAME,
    MAIL_FROM,
    SES_CONFIGURATION_SET,
    PORTAL_URL,
    USER_POOL_ID,
    // Optional: an extra channel besides the mail.
    NOTIFY_WEBHOOK_URL: { from: { setting: 'notify-webhook-url' }, optional: true },
  },
  grants: [
    // The round for a notice's names (one Query); the mail ledger's claims
    // (conditional put, marked sent, deleted when a send fails); a reminder's digest row.
    {
      on: 'table',
      actions: ['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
    },
    { on: 'mail-identity', actions: ['ses:SendEmail'] },
    { on: 'user-pool', actions: ['cognito-idp:ListUsersInGroup'] },
  ],
  memorySize: 512,
  timeoutSeconds: 30,
});
