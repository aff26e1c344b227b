import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/common/http.js';
import { validateRound } from '../../shared/validation/validate-document.js';
import { type AwsMock, awsError, mockAws } from './aws-mock.js';
import { loadEvent, loadSeed, withCaller } from './events.js';
import { lambdaContext, setHandlerEnvironment } from './lambda-context.js';

setHandlerEnvironment();
type Handler = (
  event: HttpEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;
let openRound: Handler;
let roundStatus: Handler;
let requestUpload: Handler;

beforeAll(async () => {
  openRound = (await import('../../functions/open-round/handler.js')).handler as unknown as Handler;
  roundStatus = (await import('../../functions/round-status/handler.js'))
    .handler as unknown as Handler;
  requestUpload = (await import('../../functions/request-upload/handler.js'))
    .handler as unknown as Handler;
});

let aws: AwsMock;
beforeEach(() => {
  aws = mockAws();
});
afterEach(() => aws.restore());

const body = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(String(result.body));

const seedRound = () => {
  const round = validateRound(JSON.parse(loadSeed('round.json')));
  if (!round.ok) throw new Error('seed round invalid');
  return round.value;
};

describe('Function: open-round', () => {
  it('opens the seed round for its coordinator, once', async () => {
    // Prepare
    aws.on(PutCommand, () => ({}));

    // Act
    const result = await openRound(loadEvent<HttpEvent>('api-open-round.json'), lambdaContext());

    // Assess
    expect(result.statusCode).toBe(201);
    expect(body(result)).toMatchObject({ agencyId: 'opdc', roundId: '2566-h1' });
    const [put] = aws.calls(PutCommand);
    expect(put).toMatchObject({
      TableName: 'acm-report-test',
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: {
        pk: 'ROUND#opdc#2566-h1',
        sk: 'ROUND',
        openedBy: '3c9a1f0e-8d2b-4b6a-9f3e-6a1d2c3b4e5f',
      },
    });
  });

  it('refuses, before writing, a plan too large for one round, saying how large in Thai and English', async () => {
    aws.on(PutCommand, () => ({}));
    const event = loadEvent<HttpEvent>('api-open-round.json');
    const round = JSON.parse(event.body ?? '{}') as { items: Array<{ no: number }> };
    const items = Array.from({ length: 1300 }, (_, i) => ({
      ...(round.items[i % round.items.length] as { no: number }),
      no: i + 1,
    }));
    const result = await openRound(
      { ...event, body: JSON.stringify({ ...round, items }) },
      lambdaContext(),
    );
    expect(result.statusCode).toBe(422);
    const [problem] = body(result).problems;
    expect(problem).toMatchObject({ path: '$.items', code: 'round.tooLarge' });
    expect(problem.message.en).toContain('1300 items');
    expect(problem.message.th).toContain('1300 รายการ');
    expect(aws.calls(PutCommand)).toHaveLength(0);
  });

  it('answers 409 when the round is already open', async () => {
    aws.on(PutCommand, () => {
      throw awsError('ConditionalCheckFailedException');
    });
    const result = await openRound(loadEvent<HttpEvent>('api-open-round.json'), lambdaContext());
    expect(result.statusCode).toBe(409);
    expect(body(result).problems[0].code).toBe('round.exists');
  });

  it('refuses a division member who is not the coordinator', async () => {
    const event = withCaller(loadEvent<HttpEvent>('api-open-round.json'), {
      groups: ['opdc:division:division-placeholder-01'],
    });
    const result = await openRound(event, lambdaContext());
    expect(result.statusCode).toBe(403);
    expect(body(result).problems[0]).toMatchObject({
      code: 'auth.notRole',
      message: { en: expect.stringContaining('coordinator') },
    });
    expect(aws.calls(PutCommand)).toEqual([]);
  });

  it('answers 422 with every problem, in Thai and English, for an invalid round', async () => {
    const event = loadEvent<HttpEvent>('api-open-round.json');
    event.body = JSON.stringify({ ...JSON.parse(String(event.body)), fiscalYear: 2023, items: [] });
    const result = await openRound(event, lambdaContext());
    expect(result.statusCode).toBe(422);
    const codes = body(result).problems.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['fiscalYear.range']));
    expect(body(result).problems[0].message.th).toBeTruthy();
  });

  it('answers 401 when the request carries no user', async () => {
    const event = loadEvent<HttpEvent>('api-open-round.json');
    event.requestContext.authorizer.jwt.claims = {};
    const result = await openRound(event, lambdaContext());
    expect(result.statusCode).toBe(401);
  });
});

describe('Function: round-status', () => {
  it('reports missing divisions and items waiting, from one Query of the round partition', async () => {
    // Prepare
    const round = seedRound();
    aws.on(QueryCommand, () => ({
      Items: [
        {
          pk: 'ROUND#opdc#2566-h1',
          sk: 'ROUND',
          agencyId: 'opdc',
          roundId: '2566-h1',
          round,
          openedBy: 'x',
          openedAt: '2023-04-01T00:00:00Z',
        },
        {
          pk: 'ROUND#opdc#2566-h1',
          sk: 'ITEM#0001',
          itemNo: 1,
          division: 'division-placeholder-01',
          currentVersion: 2,
          status: 'awaiting-approval',
          waitingOn: 'anti-corruption-centre',
          updatedAt: '2023-04-20T00:00:00Z',
        },
        {
          pk: 'ROUND#opdc#2566-h1',
          sk: 'ITEM#0002',
          itemNo: 2,
          division: 'division-placeholder-02',
          currentVersion: 1,
          status: 'approved',
          approvedVersion: 1,
          updatedAt: '2023-04-21T00:00:00Z',
        },
      ],
    }));

    // Act
    const result = await roundStatus(
      loadEvent<HttpEvent>('api-round-status.json'),
      lambdaContext(),
    );

    // Assess
    expect(result.statusCode).toBe(200);
    const status = body(result);
    expect(status.counts).toMatchObject({ 'awaiting-approval': 1, approved: 1, missing: 4 });
    expect(status.items[0]).toMatchObject({
      progress: 'awaiting-approval',
      waitingOn: 'anti-corruption-centre',
      version: 2,
    });
    expect(status.missingDivisions).toEqual([
      'division-placeholder-03',
      'division-placeholder-04',
      'division-placeholder-05',
      'division-placeholder-06',
    ]);
    expect(aws.calls(QueryCommand)[0]).toMatchObject({ KeyConditionExpression: 'pk = :pk' });
  });

  it('answers 404 for a round never opened', async () => {
    aws.on(QueryCommand, () => ({ Items: [] }));
    const result = await roundStatus(
      loadEvent<HttpEvent>('api-round-status.json'),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(404);
  });
});

describe('Function: request-upload', () => {
  it('presigns a POST for exactly one key, a size range and a fixed type', async () => {
    // Prepare
    aws.on(GetCommand, () => ({
      Item: { agencyId: 'opdc', roundId: '2566-h1', round: seedRound() },
    }));
    aws.on(PutCommand, () => ({}));

    // Act
    const result = await requestUpload(
      loadEvent<HttpEvent>('api-request-upload.json'),
      lambdaContext(),
    );

    // Assess
    expect(result.statusCode).toBe(201);
    const answer = body(result);
    const key = `incoming/opdc/2566-h1/1/division-placeholder-01/${answer.uploadId}`;
    expect(answer.post.fields).toMatchObject({ key, 'Content-Type': 'application/json' });
    const policy = JSON.parse(Buffer.from(answer.post.fields.Policy, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 1048576],
        ['eq', '$Content-Type', 'application/json'],
        { key },
      ]),
    );
    expect(aws.calls(PutCommand)[0]).toMatchObject({
      Item: {
        pk: `UPLOAD#opdc#${answer.uploadId}`,
        status: 'requested',
        uploadedBy: '8b2e4d6f-1a3c-4e5b-9d7f-0c2a4b6d8e1f',
        key,
      },
    });
  });

  it('refuses an item of another division', async () => {
    aws.on(GetCommand, () => ({
      Item: { agencyId: 'opdc', roundId: '2566-h1', round: seedRound() },
    }));
    const event = loadEvent<HttpEvent>('api-request-upload.json');
    event.pathParameters = { ...event.pathParameters, itemNo: '2' };
    const result = await requestUpload(event, lambdaContext());
    expect(result.statusCode).toBe(403);
    expect(body(result).problems[0].code).toBe('auth.notDivision');
  });

  it('refuses a format it cannot read', async () => {
    const event = loadEvent<HttpEvent>('api-request-upload.json');
    event.body = JSON.stringify({ format: 'pdf' });
    const result = await requestUpload(event, lambdaContext());
    expect(result.statusCode).toBe(400);
  });

  it('answers 503 with Retry-After, in Thai and English, when DynamoDB is briefly unavailable', async () => {
    aws.on(GetCommand, () => {
      throw awsError('InternalServerError');
    });
    const result = await requestUpload(
      loadEvent<HttpEvent>('api-request-upload.json'),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('5');
    const [problem] = body(result).problems;
    expect(problem.code).toBe('server.unavailable');
    expect(problem.message.th).toContain('ชั่วคราว');
    expect(problem.fix.en).toContain('Try again in 5 seconds');
  });

  it('answers 500 with a bilingual message and the request id when something else fails', async () => {
    aws.on(GetCommand, () => {
      throw awsError('ValidationException', 'One or more parameter values were invalid');
    });
    const result = await requestUpload(
      loadEvent<HttpEvent>('api-request-upload.json'),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(500);
    expect(result.headers?.['retry-after']).toBeUndefined();
    expect(body(result).problems[0].fix.en).toContain('Jt9AdgXxSQ0EJvC=');
  });
});
