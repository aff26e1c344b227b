import {
  defineManifest,
  MAIL_FROM,
  PORTAL_URL,
  SES_CONFIGURATION_SET,
  TABLE_NAME,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'send-digest',
  description: 'Mails each person one daily digest of the reminders kept for them',
  handler: 'handler',
  // 00:00 UTC is 07:00 in Bangkok (UTC+7, no daylight saving): the previous day's reminders.
  trigger: { kind: 'schedule', cron: { minute: '0', hour: '0' } },
  environment: {
    TABLE_NAME,
    MAIL_FROM,
    SES_CONFIGURATION_SET,
    PORTAL_URL,
    AGENCIES: { from: { setting: 'agencies' } },
  },
  grants: [
    // The day's digest rows and the rounds for their names (Query), the mail
    // ledger's claim per person and day (put, marked sent, deleted on failure).
    {
      on: 'table',
      actions: ['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
    },
    { on: 'mail-identity', actions: ['ses:SendEmail'] },
  ],
  memorySize: 512,
  timeoutSeconds: 300,
});
