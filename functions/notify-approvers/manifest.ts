import {
  defineManifest,
  MAIL_FROM,
  NOTIFY_WEBHOOK_SECRET_ARN,
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
    // The chat webhook's secret, not its URL (an environment is readable by
    // anyone who may read the function's configuration). An empty secret
    // means no webhook: it is an extra channel besides the mail.
    NOTIFY_WEBHOOK_SECRET_ARN,
  },
  grants: [
    // The round for a notice's names: its header and the notice's plan item (two reads), or
    // the whole round for a sign-off (one Query); the mail ledger's claims (conditional put,
    // marked sent, deleted when a send fails); a reminder's digest row.
    {
      on: 'table',
      actions: [
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
      ],
    },
    { on: 'mail-identity', actions: ['ses:SendEmail'] },
    { on: 'user-pool', actions: ['cognito-idp:ListUsersInGroup'] },
    { on: 'notify-webhook-secret', actions: ['secretsmanager:GetSecretValue'] },
  ],
  memorySize: 512,
  timeoutSeconds: 30,
});
