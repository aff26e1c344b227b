import { defineManifest } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'notify-approvers',
  description: 'Delivers approval notices (chat webhook and structured log)',
  handler: 'handler',
  trigger: { kind: 'queue', queue: 'approvals-queue', batchSize: 10 },
  environment: {
    // Optional: without a webhook, notices are only logged.
    NOTIFY_WEBHOOK_URL: { from: { setting: 'notify-webhook-url' }, optional: true },
  },
  grants: [],
  memorySize: 512,
  timeoutSeconds: 30,
});
