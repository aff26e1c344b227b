/**
 * The portal's routes through middy, the AWS clients mocked at
 * Client.prototype.send (./aws-mock.ts): what each reads or sends, what it
 * answers, 401 without a signed-in caller, 403 without reading anything
 * when the caller may not. The full allow/deny matrix is in
 * test/workflow/portal-authorisation.test.ts.
 */

import { GetObjectCommand } from '@aws-sdk/client-s3';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/common/http.js';
import { seedRound } from '../helpers/seed-round.js';
import { type AwsMock, mockAws } from './aws-mock.js';
import { httpGet } from './derived-events.js';
import { withCaller } from './events.js';
import { lambdaContext, setHandlerEnvironment } from './lambda-context.js';

setHandlerEnvironment();
type Handler = (
  event: HttpEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;
const handlers: Record<string, Handler> = {};

beforeAll(async () => {
  const modules = {
    'list-rounds': await import('../../functions/list-rounds/handler.js'),
    'get-item': await import('../../functions/get-item/handler.js'),
    'get-version': await import('../../functions/get-version/handler.js'),
    'get-draft': await import('../../functions/get-draft/handler.js'),
    'list-decisions': await import('../../functions/list-decisions/handler.js'),
    'send-reminders': await import('../../functions/send-reminders/handler.js'),
  };
  for (const [name, module] of Object.entries(modules)) {
    handlers[name] = module.handler as unknown as Handler;
  }
});

let aws: AwsMock;
beforeEach(() => {
  aws = mockAws();
});
afterEach(() => aws.restore());

const body = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(String(result.body));
const call = (name: string, event: HttpEvent) =>
  (handlers[name] as Handler)(event, lambdaContext(`acm-report-test-${name}`));
const DIVISION = 'division-placeholder-04';
const roundItem = {
  pk: 'ROUND#opdc#2566-h1',
  sk: 'ROUND',
  agencyId: 'opdc',
  roundId: '2566-h1',
  round: seedRound(),
  openedBy: 'coordinator',
  openedAt: '2023-04-01T02:00:00.000Z',
};
const versionItem = {
  pk: 'SUBMISSION#opdc#2566-h1#4',
  sk: 'V#000001',
  agencyId: 'opdc',
  roundId: '2566-h1',
  itemNo: 4,
  division: DIVISION,
  version: 1,
  source: { uploadId: 'u1', key: 'k', etag: 'e', sha256: 'a'.repeat(64), format: 'json', size: 10 },
  documentKey: `submissions/opdc/2566-h1/4/${DIVISION}/u1.json`,
  uploadedBy: 'staff-4',
  uploadedAt: '2023-04-10T02:00:00.000Z',
  status: 'returned',
};
const returned = {
  pk: 'APPROVAL#opdc#opdc.2566-h1.4.v1.s0',
  sk: 'APPROVAL',
  approvalId: 'opdc.2566-h1.4.v1.s0',
  agencyId: 'opdc',
  roundId: '2566-h1',
  subject: { kind: 'item', itemNo: 4, division: DIVISION, version: 1, uploadedBy: 'staff-4' },
  step: 0,
  role: 'division-director',
  status: 'returned',
  phase: 'request',
  requestedAt: '2023-04-10T02:01:00.000Z',
  decidedBy: 'director-4',
  decidedByName: 'director-4',
  decidedAt: '2023-04-11T02:00:00.000Z',
  comment: 'กรุณาระบุจำนวนครั้ง',
  taskToken: 'secret-token',
};
const get = (route: string, params: Record<string, string>, groups: string[], sub?: string) =>
  withCaller(httpGet('api-round-status.json', route, params), { groups, ...(sub ? { sub } : {}) });
const anonymous = (route: string, params: Record<string, string>) => {
  const event = httpGet('api-round-status.json', route, params);
  event.requestContext.authorizer.jwt.claims = {};
  return event;
};

describe('Function: list-rounds', () => {
  const route = '/agencies/{agencyId}/rounds';
  it("lists the agency's rounds from its own partition, newest first", async () => {
    aws.on(QueryCommand, () => ({
      Items: [
        { pk: 'ROUNDS#opdc', sk: 'ROUND#2566-h1', roundId: '2566-h1', fiscalYear: 2566 },
        { pk: 'ROUNDS#opdc', sk: 'ROUND#2567-h1', roundId: '2567-h1', fiscalYear: 2567 },
      ],
    }));
    const result = await call(
      'list-rounds',
      get(route, { agencyId: 'opdc' }, [`opdc:division:${DIVISION}`]),
    );
    expect(result.statusCode).toBe(200);
    expect(body(result).rounds.map((r: { roundId: string }) => r.roundId)).toEqual([
      '2567-h1',
      '2566-h1',
    ]);
    expect(body(result).rounds[0]).not.toHaveProperty('pk');
    expect(aws.calls(QueryCommand)[0]).toMatchObject({
      ExpressionAttributeValues: { ':pk': 'ROUNDS#opdc' },
      ScanIndexForward: false,
    });
  });

  it('answers 401 to nobody and 403 to another agency, reading nothing', async () => {
    expect((await call('list-rounds', anonymous(route, { agencyId: 'opdc' }))).statusCode).toBe(
      401,
    );
    expect(
      (await call('list-rounds', get(route, { agencyId: 'opdc' }, ['dga:coordinator']))).statusCode,
    ).toBe(403);
    expect(aws.calls(QueryCommand)).toEqual([]);
  });
});

describe('Function: get-item', () => {
  const route = '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}';
  const params = { agencyId: 'opdc', roundId: '2566-h1', itemNo: '4' };

  it('gives the division its versions and the comment of a return, never a task token', async () => {
    aws.on(QueryCommand, (input) =>
      input.ExpressionAttributeValues?.[':pk'] === 'ROUND#opdc#2566-h1'
        ? {
            Items: [
              roundItem,
              {
                pk: 'ROUND#opdc#2566-h1',
                sk: 'ITEM#0004',
                itemNo: 4,
                division: DIVISION,
                currentVersion: 1,
                status: 'returned',
                updatedAt: '2023-04-11T02:00:00.000Z',
              },
            ],
          }
        : { Items: [versionItem] },
    );
    aws.on(BatchGetCommand, () => ({ Responses: { 'acm-report-test': [returned] } }));
    const result = await call('get-item', get(route, params, [`opdc:division:${DIVISION}`]));
    expect(result.statusCode).toBe(200);
    const history = body(result);
    expect(history.status).toMatchObject({ no: 4, progress: 'returned', version: 1 });
    expect(history.versions[0].decisions).toEqual([
      expect.objectContaining({
        role: 'division-director',
        status: 'returned',
        comment: 'กรุณาระบุจำนวนครั้ง',
      }),
    ]);
    expect(String(result.body)).not.toContain('secret-token');
    expect(aws.calls(BatchGetCommand)[0]?.RequestItems?.['acm-report-test']?.Keys).toEqual([
      { pk: 'APPROVAL#opdc#opdc.2566-h1.4.v1.s0', sk: 'APPROVAL' },
      { pk: 'APPROVAL#opdc#opdc.2566-h1.4.v1.s1', sk: 'APPROVAL' },
    ]);
  });

  it('refuses another division', async () => {
    aws.on(QueryCommand, () => ({ Items: [roundItem] }));
    const result = await call(
      'get-item',
      get(route, params, ['opdc:division:division-placeholder-01']),
    );
    expect(result.statusCode).toBe(403);
    expect(aws.calls(BatchGetCommand)).toEqual([]);
  });
});

describe('Function: get-version', () => {
  const route = '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/versions/{version}';
  const params = { agencyId: 'opdc', roundId: '2566-h1', itemNo: '4', version: '1' };

  it("gives the director the version's submission beside its plan item", async () => {
    aws.on(GetCommand, (input) => ({ Item: input.Key?.sk === 'ROUND' ? roundItem : versionItem }));
    aws.on(GetObjectCommand, () => ({
      Body: {
        transformToByteArray: async () =>
          new TextEncoder().encode(JSON.stringify({ budgetUsed: '2721000' })),
      },
    }));
    const event = get(route, params, ['opdc:division-director', `opdc:division:${DIVISION}`]);
    const result = await call('get-version', event);
    expect(result.statusCode).toBe(200);
    expect(body(result)).toMatchObject({
      item: { no: 4, division: DIVISION },
      version: 1,
      submission: { budgetUsed: '2721000' },
    });
    expect(aws.calls(GetObjectCommand)[0]).toMatchObject({
      Bucket: 'acm-report-test-incoming',
      Key: versionItem.documentKey,
    });
  });

  it('answers 404 for a version that is not a number', async () => {
    aws.on(GetCommand, () => ({ Item: roundItem }));
    const result = await call(
      'get-version',
      get(route, { ...params, version: 'latest' }, ['opdc:coordinator']),
    );
    expect(result.statusCode).toBe(404);
    expect(body(result).problems[0].code).toBe('version.notFound');
  });
});

describe('Function: get-draft', () => {
  const route = '/agencies/{agencyId}/rounds/{roundId}/draft';
  const params = { agencyId: 'opdc', roundId: '2566-h1' };

  it("gives the agency head the latest attempt's draft", async () => {
    aws.on(GetCommand, () => ({
      Item: {
        ...roundItem,
        signOff: { state: 'requested', attempt: 2, at: '2023-04-20T02:00:00.000Z' },
      },
    }));
    aws.on(GetObjectCommand, () => ({
      Body: { transformToByteArray: async () => new TextEncoder().encode('{"type":"report"}') },
    }));
    const result = await call('get-draft', get(route, params, ['opdc:agency-head']));
    expect(result.statusCode).toBe(200);
    expect(body(result)).toMatchObject({ signOff: { attempt: 2 }, report: { type: 'report' } });
    expect(aws.calls(GetObjectCommand)[0]?.Key).toBe('drafts/opdc/2566-h1/a2/report.json');
  });

  it('refuses a division, and answers 404 before any draft exists', async () => {
    expect(
      (await call('get-draft', get(route, params, [`opdc:division:${DIVISION}`]))).statusCode,
    ).toBe(403);
    aws.on(GetCommand, () => ({ Item: roundItem }));
    const result = await call('get-draft', get(route, params, ['opdc:coordinator']));
    expect(result.statusCode).toBe(404);
    expect(body(result).problems[0].code).toBe('draft.notYet');
  });
});

describe('Function: list-decisions', () => {
  it("queries the decider's history index for the caller only", async () => {
    aws.on(QueryCommand, () => ({ Items: [{ ...returned, gsi2pk: 'x', gsi2sk: 'y' }] }));
    const event = get(
      '/approvals/decided',
      {},
      ['opdc:division-director', `opdc:division:${DIVISION}`],
      'director-4',
    );
    event.queryStringParameters = { agency: 'opdc' };
    const result = await call('list-decisions', event);
    expect(result.statusCode).toBe(200);
    expect(body(result).decisions).toEqual([
      expect.objectContaining({ approvalId: returned.approvalId }),
    ]);
    expect(String(result.body)).not.toContain('secret-token');
    expect(aws.calls(QueryCommand)[0]).toMatchObject({
      IndexName: 'gsi2',
      ExpressionAttributeValues: { ':who': 'DECIDED#opdc#director-4' },
    });
  });
});

describe('Function: send-reminders', () => {
  const route = '/agencies/{agencyId}/rounds/{roundId}/reminders';
  const post = (groups: string[]) => {
    const event = get(route, { agencyId: 'opdc', roundId: '2566-h1' }, groups);
    event.requestContext.http.method = 'POST';
    return event;
  };

  it('reminds every division that owes a report and every approver a step waits for', async () => {
    const waiting = {
      pk: 'ROUND#opdc#2566-h1',
      sk: 'ITEM#0004',
      itemNo: 4,
      division: DIVISION,
      currentVersion: 1,
      status: 'awaiting-approval',
      waitingOn: 'division-director',
      updatedAt: '2023-04-10T02:00:00.000Z',
    };
    aws.on(QueryCommand, () => ({ Items: [roundItem, waiting] }));
    aws.on(BatchGetCommand, () => ({
      Responses: { 'acm-report-test': [{ ...returned, status: 'pending' }] },
    }));
    aws.on(SendMessageCommand, () => ({ MessageId: 'm' }));
    const result = await call('send-reminders', post(['opdc:coordinator']));
    expect(result.statusCode).toBe(202);
    expect(body(result)).toEqual({ items: [1, 2, 3, 5, 6], approvals: [returned.approvalId] });
    const notices = aws.calls(SendMessageCommand).map((m) => JSON.parse(String(m.MessageBody)));
    expect(notices.map((n) => n.kind)).toEqual([
      ...Array(5).fill('submission-reminder'),
      'approval-reminder',
    ]);
    expect(notices[5].groups).toEqual(['opdc:division-director', `opdc:division:${DIVISION}`]);
  });

  it('is for the coordinator only', async () => {
    const result = await call('send-reminders', post(['opdc:agency-head']));
    expect(result.statusCode).toBe(403);
    expect(aws.calls(SendMessageCommand)).toEqual([]);
  });
});
