/** A Lambda context as the runtime passes it, for invoking handlers through middy. */

import type { Context } from 'aws-lambda';

export function lambdaContext(functionName = 'acm-report-test-fn'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-southeast-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2025/01/01/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** The environment every handler test runs with (set before a handler is imported). */
export function setHandlerEnvironment(): void {
  Object.assign(process.env, {
    TABLE_NAME: 'acm-report-test',
    INCOMING_BUCKET: 'acm-report-test-incoming',
    PUBLISHED_BUCKET: 'acm-report-test-published',
    APPROVALS_QUEUE_URL:
      'https://sqs.ap-southeast-1.amazonaws.com/123456789012/acm-report-test-approvals',
    STATE_MACHINE_ARN:
      'arn:aws:states:ap-southeast-1:123456789012:stateMachine:acm-report-test-approvals',
    MAIL_FROM: 'acm-report@example.invalid',
    SES_CONFIGURATION_SET: 'acm-report',
    PORTAL_URL: 'https://portal.example.invalid',
    SITE_URL: 'https://reports.example.invalid/',
    USER_POOL_ID: 'ap-southeast-1_test',
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    POWERTOOLS_METRICS_NAMESPACE: 'AcmReport',
    POWERTOOLS_DEV: 'true',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
}
