import { ListUsersInGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/common/http.js';
import type { Approval } from '../../shared/workflow/approval.js';
import { type AwsMock, awsError, mockAws } from './aws-mock.js';
import { loadEvent, withCaller } from './events.js';
import { lambdaContext, setHandlerEnvironment } from './lambda-context.js';

setHandlerEnvironment();
type Ctx = ReturnType<typeof lambdaContext>;
type HttpHandler = (event: HttpEvent, context: Ctx) => Promise<APIGatewayProxyStructuredResultV2>;
let approvalRequest: (event: unknown, context: Ctx) => Promise<{ approvalId: string }>;
let decideApproval: HttpHandler;
let listApprovals: HttpHandler;
let notifyApprovers: (event: SQSEvent, context: Ctx) => Promise<SQSBatchResponse>;

beforeAll(async () => {
  approvalRequest = (await import('../../functions/approval-request/handler.js')).handler as never;
  decideApproval = (await import('../../functions/decide-approval/handler.js')).handler as never;
  listApprovals = (await import('../../functions/list-approvals/handler.js')).handler as never;
  notifyApprovers = (await import('../../functions/notify-approvers/handler.js')).handler as never;
});

let aws: AwsMock;
beforeEach(() => {
  aws = mockAws();
});
afterEach(() => aws.restore());

const UPLOADER = '8b2e4d6f-1a3c-4e5b-9d7f-0c2a4b6d8e1f';
const TOKEN = 'AQCEAAAAKgAAAAMAAAAAAAAAAeMYnIjTcMfE1zvfPhBp0OKQ1Ol9IixXGMZpsUPf4Vr5ZRGAv4JI2ORC';
const pending: Approval = {
  approvalId: 'opdc.2566-h1.1.v1.s0',
  agencyId: 'opdc',
  roundId: '2566-h1',
  subject: {
    kind: 'item',
    itemNo: 1,
    division: 'division-placeholder-01',
    version: 1,
    uploadedBy: UPLOADER,
  },
  step: 0,
  role: 'division-director',
  status: 'pending',
  phase: 'request',
  requestedAt: '2024-04-30T07:01:05.000Z',
};
const body = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(String(result.body));

describe('Function: approval-request', () => {
  it('keeps the task token in DynamoDB and sends a notice that carries only the approval id', async () => {
    // Prepare
    aws.on(GetCommand, () => ({}));
    aws.on(PutCommand, () => ({}));
    aws.on(UpdateCommand, () => ({}));
    aws.on(SendMessageCommand, () => ({ MessageId: 'm-1' }));
    const event = loadEvent<{ taskToken: string }>('sfn-approval-request.json');

    // Act
    const result = await approvalRequest(event, lambdaContext());

    // Assess
    expect(result).toEqual({ approvalId: 'opdc.2566-h1.1.v1.s0' });
    const [put] = aws.calls(PutCommand);
    expect(put).toMatchObject({
      Item: {
        pk: 'APPROVAL#opdc#opdc.2566-h1.1.v1.s0',
        gsi1pk: 'INBOX#opdc#division-director#division-placeholder-01',
        taskToken: event.taskToken,
        status: 'pending',
      },
      ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
    });
    const [message] = aws.calls(SendMessageCommand);
    expect(message?.MessageBody).not.toContain(String(event.taskToken).slice(0, 20));
    expect(JSON.parse(String(message?.MessageBody))).toMatchObject({
      kind: 'approval-requested',
      approvalId: 'opdc.2566-h1.1.v1.s0',
      groups: ['opdc:division-director', 'opdc:division:division-placeholder-01'],
    });
    // The item now says where it waits, but only if this version is still current.
    expect(aws.calls(UpdateCommand).map((u) => u.ConditionExpression)).toEqual([
      'attribute_exists(pk)',
      'currentVersion = :v',
    ]);
  });

  it('hands back a decision made while the step was being re-asked', async () => {
    let reads = 0;
    aws.on(GetCommand, () => {
      reads += 1;
      const approval =
        reads === 1
          ? pending
          : {
              ...pending,
              status: 'approved',
              decidedBy: 'd',
              decidedByName: 'D',
              decidedAt: '2024-05-01T00:00:00Z',
            };
      return { Item: { ...approval, taskToken: 'old' } };
    });
    aws.on(PutCommand, () => {
      throw awsError('ConditionalCheckFailedException');
    });
    aws.on(SendTaskSuccessCommand, () => ({}));
    const event = {
      ...loadEvent<{ taskToken: string }>('sfn-approval-request.json'),
      phase: 'reminder',
    };

    await approvalRequest(event, lambdaContext());

    const [resumed] = aws.calls(SendTaskSuccessCommand);
    expect(resumed?.taskToken).toBe(event.taskToken);
    expect(JSON.parse(String(resumed?.output))).toMatchObject({ decision: 'approved' });
    expect(aws.calls(SendMessageCommand)).toEqual([]);
  });

  it('fails loudly on a payload the state machine should never send', async () => {
    await expect(
      approvalRequest({ kind: 'item', taskToken: 'x' }, lambdaContext()),
    ).rejects.toThrow();
  });
});

describe('Function: decide-approval', () => {
  const stored = () => ({
    Item: { pk: 'APPROVAL#opdc#opdc.2566-h1.1.v1.s0', ...pending, taskToken: TOKEN },
  });

  it('records the approval once and resumes the waiting step with the stored token', async () => {
    // Prepare
    aws.on(GetCommand, stored);
    aws.on(UpdateCommand, () => ({}));
    aws.on(SendTaskSuccessCommand, () => ({}));

    // Act
    const result = await decideApproval(
      loadEvent<HttpEvent>('api-decide-approval.json'),
      lambdaContext(),
    );

    // Assess
    expect(result.statusCode).toBe(200);
    expect(body(result).approval).toMatchObject({
      status: 'approved',
      decidedBy: 'e1d2c3b4-a5f6-4789-8a0b-1c2d3e4f5a6b',
    });
    expect(JSON.stringify(body(result))).not.toContain(TOKEN);
    expect(aws.calls(UpdateCommand)[0]).toMatchObject({
      ConditionExpression: '#status = :pending',
      UpdateExpression: expect.stringContaining('REMOVE gsi1pk, gsi1sk'),
    });
    const [resumed] = aws.calls(SendTaskSuccessCommand);
    expect(resumed?.taskToken).toBe(TOKEN);
    expect(JSON.parse(String(resumed?.output))).toMatchObject({
      decision: 'approved',
      approvalId: pending.approvalId,
    });
  });

  it('is idempotent: the same decision again resumes again and changes nothing', async () => {
    const decided = {
      ...pending,
      status: 'approved',
      decidedBy: 'e1d2c3b4-a5f6-4789-8a0b-1c2d3e4f5a6b',
      decidedByName: 'anan.director',
      decidedAt: '2024-05-01T00:00:00Z',
    };
    aws.on(GetCommand, () => ({ Item: { ...decided, taskToken: TOKEN } }));
    aws.on(SendTaskSuccessCommand, () => {
      throw awsError('TaskTimedOut');
    });
    const result = await decideApproval(
      loadEvent<HttpEvent>('api-decide-approval.json'),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(200);
    expect(aws.calls(UpdateCommand)).toEqual([]);
  });

  it('refuses the person who uploaded the submission', async () => {
    aws.on(GetCommand, stored);
    const event = withCaller(loadEvent<HttpEvent>('api-decide-approval.json'), { sub: UPLOADER });
    const result = await decideApproval(event, lambdaContext());
    expect(result.statusCode).toBe(403);
    expect(body(result).problems[0].code).toBe('auth.ownSubmission');
    expect(aws.calls(SendTaskSuccessCommand)).toEqual([]);
  });

  it('refuses a director of another division', async () => {
    aws.on(GetCommand, stored);
    const event = withCaller(loadEvent<HttpEvent>('api-decide-approval.json'), {
      groups: ['opdc:division-director', 'opdc:division:division-placeholder-02'],
    });
    const result = await decideApproval(event, lambdaContext());
    expect(result.statusCode).toBe(403);
    expect(body(result).problems[0].code).toBe('auth.notDivision');
  });

  it('needs a comment to return a submission', async () => {
    const event = loadEvent<HttpEvent>('api-decide-approval.json');
    event.body = JSON.stringify({ decision: 'return' });
    const result = await decideApproval(event, lambdaContext());
    expect(result.statusCode).toBe(400);
    expect(body(result).problems[0].code).toBe('approval.commentRequired');
  });

  it('answers 404 for an id that cannot be an approval, without reading anything', async () => {
    const event = loadEvent<HttpEvent>('api-decide-approval.json');
    event.pathParameters = { approvalId: '../../etc' };
    const result = await decideApproval(event, lambdaContext());
    expect(result.statusCode).toBe(404);
    expect(aws.calls(GetCommand)).toEqual([]);
  });
});

describe('Function: list-approvals', () => {
  it("reads the director's division inbox from the index", async () => {
    aws.on(QueryCommand, () => ({ Items: [{ ...pending, gsi1pk: 'x', gsi1sk: 'y' }] }));
    const result = await listApprovals(
      loadEvent<HttpEvent>('api-list-approvals.json'),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(200);
    expect(body(result).approvals).toEqual([pending]);
    expect(aws.calls(QueryCommand)).toEqual([
      expect.objectContaining({
        IndexName: 'gsi1',
        ExpressionAttributeValues: {
          ':inbox': 'INBOX#opdc#division-director#division-placeholder-01',
        },
      }),
    ]);
  });
});

describe('Function: notify-approvers', () => {
  /** The director holds both groups of the fixture's notice; the division's staff only one. */
  const member = (username: string) => ({
    Username: username,
    Enabled: true,
    UserStatus: 'CONFIRMED',
    Attributes: [
      { Name: 'sub', Value: `sub-${username}` },
      { Name: 'email', Value: `${username}@example.invalid` },
      { Name: 'name', Value: username },
    ],
  });
  beforeEach(() => {
    aws
      .on(ListUsersInGroupCommand, (input) => ({
        Users:
          input.GroupName === 'opdc:division-director'
            ? [member('director')]
            : [member('director'), member('staff')],
      }))
      // No round stored: the mail prints codes instead of names.
      .on(QueryCommand, () => ({ Items: [] }))
      .on(PutCommand, () => ({}))
      .on(UpdateCommand, () => ({}))
      .on(SendEmailCommand, () => ({ MessageId: 'm-1' }));
  });

  it('mails each person who holds every group of the notice, nobody else, and reports no failures', async () => {
    const result = await notifyApprovers(
      loadEvent<SQSEvent>('sqs-approvals-notice.json'),
      lambdaContext(),
    );
    expect(result).toEqual({ batchItemFailures: [] });
    const sent = aws.calls(SendEmailCommand);
    expect(sent.flatMap((mail) => mail.Destination?.ToAddresses ?? [])).toEqual([
      'director@example.invalid',
    ]);
    expect(sent[0]?.FromEmailAddress).toBe('acm-report@example.invalid');
    expect(sent[0]?.ConfigurationSetName).toBe('acm-report');
    expect(aws.calls(ListUsersInGroupCommand)[0]?.UserPoolId).toBe('ap-southeast-1_test');
  });

  it('returns only the malformed message to the queue', async () => {
    const event = loadEvent<SQSEvent>('sqs-approvals-notice.json');
    const good = event.Records[0];
    if (!good) throw new Error('fixture has no record');
    event.Records.push({ ...good, messageId: 'bad-1', body: '{"kind":"nonsense"}' });
    const result = await notifyApprovers(event, lambdaContext());
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad-1' }] });
  });
});
