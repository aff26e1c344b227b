/** An approvals-queue event carrying one notice for an agency's coordinator, as SQS hands it to notify-approvers. */

import { LOCAL_REGION } from '../../local/embedded-services.js';

export function approvalsNoticeEvent(agencyId: string, messageId = 'm-1') {
  const notice = {
    kind: 'approval-escalated',
    agencyId,
    roundId: '2566-h1',
    groups: [`${agencyId}:coordinator`],
    sentAt: '2023-04-20T02:00:00.000Z',
  };
  return {
    Records: [
      {
        messageId,
        receiptHandle: `r-${messageId}`,
        body: JSON.stringify(notice),
        attributes: {},
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:${LOCAL_REGION}:000000000000:approvals`,
        awsRegion: LOCAL_REGION,
      },
    ],
  };
}
