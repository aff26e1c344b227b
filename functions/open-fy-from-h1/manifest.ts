import { CARRIED_PREFIX, REPORTS_PREFIX } from '../../shared/workflow/object-prefixes.js';
import {
  defineManifest,
  INCOMING_BUCKET,
  PUBLISHED_BUCKET,
  SMALL_FUNCTION,
  TABLE_NAME,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'open-fy-from-h1',
  description: 'Opens the annual round from the published six-month one (coordinator)',
  handler: 'handler',
  // {roundId} is the six-month round the annual one continues ("2566-h1").
  trigger: {
    kind: 'http',
    method: 'POST',
    path: '/agencies/{agencyId}/rounds/{roundId}/carry-over',
  },
  environment: {
    TABLE_NAME,
    INCOMING_BUCKET,
    PUBLISHED_BUCKET,
  },
  grants: [
    {
      on: 'table',
      // The H1 round in one Query; opening the FY round as open-round does.
      actions: [
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:UpdateItem',
        'dynamodb:GetItem',
      ],
    },
    {
      on: 'published-bucket',
      actions: ['s3:GetObject'],
      prefix: REPORTS_PREFIX,
      why: 'the drafts start from the approved versions the published H1 report holds.',
    },
    {
      on: 'incoming-bucket',
      actions: ['s3:PutObject'],
      prefix: CARRIED_PREFIX,
      why: "each division's FY draft is written where the portal offers it.",
    },
  ],
  ...SMALL_FUNCTION,
});
