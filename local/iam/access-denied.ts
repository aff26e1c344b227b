/**
 * AccessDenied as each service answers it, so the SDK in the handler raises
 * the very error it would raise in AWS (its name, its HTTP status).
 */

import type { IamService } from './aws-request.js';

export interface ServiceAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function accessDenied(
  service: IamService,
  message: string,
  requestId: string,
): ServiceAnswer {
  if (service === 's3') {
    return {
      status: 403,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${escapeXml(message)}</Message><RequestId>${requestId}</RequestId></Error>`,
    };
  }
  if (service === 'ses') {
    // SES v2 is REST-JSON: the error's name travels in a header.
    return {
      status: 403,
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': 'AccessDeniedException',
      },
      body: JSON.stringify({ message }),
    };
  }
  if (service === 'cognito-idp' || service === 'secretsmanager') {
    // Both awsJson1_1: the exception's bare name in __type, HTTP 400.
    return {
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
      body: JSON.stringify({ __type: 'AccessDeniedException', message }),
    };
  }
  return {
    status: 400,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': requestId,
      // SQS's JSON protocol also names the Query protocol's code.
      ...(service === 'sqs' ? { 'x-amzn-query-error': 'AccessDenied;Sender' } : {}),
    },
    body: JSON.stringify({
      __type: 'com.amazon.coral.service#AccessDeniedException',
      [service === 'dynamodb' ? 'Message' : 'message']: message,
    }),
  };
}
