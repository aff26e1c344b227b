/**
 * GET handlers through middy: a round's configuration and an upload's
 * result. No emulator is wired in this test: the AWS clients are mocked at
 * Client.prototype.send (./aws-mock.ts); the handlers, middy, Powertools and
 * the domain run for real.
 */

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/common/http.js';
import { seedRound } from '../helpers/seed-round.js';
import { type AwsMock, awsError, mockAws } from './aws-mock.js';
import { httpGet } from './derived-events.js';
import { withCaller } from './events.js';
import { lambdaContext, setHandlerEnvironment } from './lambda-context.js';

setHandlerEnvironment();
type Handler = (
  event: HttpEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;
let getRound: Handler;
let getUpload: Handler;

beforeAll(async () => {
  getRound = (await import('../../functions/get-round/handler.js')).handler as unknown as Handler;
  getUpload = (await import('../../functions/get-upload/handler.js')).handler as unknown as Handler;
});

let aws: AwsMock;
beforeEach(() => {
  aws = mockAws();
});
afterEach(() => aws.restore());

const body = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(String(result.body));

describe('Function: get-round', () => {
  // The coordinator's recorded status request, turned into a GET of the round itself.
  const request = () =>
    httpGet('api-round-status.json', '/agencies/{agencyId}/rounds/{roundId}', {
      agencyId: 'opdc',
      roundId: '2566-h1',
    });
  const stored = {
    pk: 'ROUND#opdc#2566-h1',
    sk: 'ROUND',
    agencyId: 'opdc',
    roundId: '2566-h1',
    round: seedRound(),
    openedBy: '3c9a1f0e-8d2b-4b6a-9f3e-6a1d2c3b4e5f',
    openedAt: '2023-04-01T02:00:00.000Z',
  };

  it('returns the round to a member of its agency, without the table keys', async () => {
    // Prepare
    aws.on(GetCommand, () => ({ Item: stored }));
    const event = withCaller(request(), { groups: ['opdc:division:division-placeholder-04'] });

    // Act
    const result = await getRound(event, lambdaContext());

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({ 'cache-control': 'no-store' });
    const round = body(result);
    expect(round).toMatchObject({ agencyId: 'opdc', roundId: '2566-h1' });
    expect(round.round.items).toHaveLength(6);
    expect(round).not.toHaveProperty('pk');
    expect(aws.calls(GetCommand)).toEqual([
      { TableName: 'acm-report-test', Key: { pk: 'ROUND#opdc#2566-h1', sk: 'ROUND' } },
    ]);
  });

  it("refuses someone from another agency without reading that agency's partition", async () => {
    const event = withCaller(request(), { groups: ['dga:coordinator'] });
    const result = await getRound(event, lambdaContext());
    expect(result.statusCode).toBe(403);
    expect(body(result).problems[0]).toMatchObject({
      code: 'auth.notMember',
      message: { th: expect.any(String), en: expect.any(String) },
    });
    expect(aws.calls(GetCommand)).toEqual([]);
  });

  it('answers 404 for a round never opened', async () => {
    aws.on(GetCommand, () => ({}));
    const result = await getRound(request(), lambdaContext());
    expect(result.statusCode).toBe(404);
    expect(body(result).problems[0].code).toBe('round.notFound');
  });

  it('answers 401 when the request carries no user', async () => {
    const event = request();
    event.requestContext.authorizer.jwt.claims = {};
    const result = await getRound(event, lambdaContext());
    expect(result.statusCode).toBe(401);
    expect(aws.calls(GetCommand)).toEqual([]);
  });

  it('answers 503 (try again) when DynamoDB throttles, and 500 with the request id to quote for a fault', async () => {
    aws.on(GetCommand, () => {
      throw awsError('ProvisionedThroughputExceededException');
    });
    expect((await getRound(request(), lambdaContext())).statusCode).toBe(503);
    aws.on(GetCommand, () => {
      throw new TypeError("Cannot read properties of undefined (reading 'round')");
    });
    const result = await getRound(request(), lambdaContext());
    expect(result.statusCode).toBe(500);
    expect(body(result).problems[0].fix.en).toContain('Jt9AcgXxSQ0EJvB=');
  });
});

describe('Function: get-upload', () => {
  const UPLOAD_ID = '0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c';
  const UPLOADER = '8b2e4d6f-1a3c-4e5b-9d7f-0c2a4b6d8e1f';
  // The division member who asked for the upload, now asking how it went.
  const request = () =>
    httpGet('api-request-upload.json', '/agencies/{agencyId}/uploads/{uploadId}', {
      agencyId: 'opdc',
      uploadId: UPLOAD_ID,
    });
  const requested = {
    pk: `UPLOAD#opdc#${UPLOAD_ID}`,
    sk: 'UPLOAD',
    agencyId: 'opdc',
    roundId: '2566-h1',
    itemNo: 1,
    division: 'division-placeholder-01',
    uploadId: UPLOAD_ID,
    format: 'txt',
    key: `incoming/opdc/2566-h1/1/division-placeholder-01/${UPLOAD_ID}`,
    uploadedBy: UPLOADER,
    uploadedByName: 'suda.planning',
    requestedAt: '2024-04-30T07:00:00.000Z',
    expiresAt: '2024-04-30T07:15:00.000Z',
  };
  const rejected = {
    ...requested,
    status: 'rejected',
    problems: [
      {
        path: '$.budgetUsed',
        code: 'money.tooManyDecimals',
        message: { th: 'จำนวนเงินมีทศนิยมเกิน ๒ ตำแหน่ง', en: 'More than two decimal places' },
        fix: { th: 'ใช้ทศนิยมไม่เกิน ๒ ตำแหน่ง', en: 'Use at most two decimal places' },
      },
    ],
    problemCount: 1,
    resultKey: `results/opdc/2566-h1/1/division-placeholder-01/${UPLOAD_ID}.json`,
    settledAt: '2024-04-30T07:01:06.000Z',
  };

  it('shows the uploader every problem of a refused upload, read consistently', async () => {
    // Prepare
    aws.on(GetCommand, () => ({ Item: rejected }));

    // Act
    const result = await getUpload(request(), lambdaContext());

    // Assess
    expect(result.statusCode).toBe(200);
    expect(body(result)).toMatchObject({
      uploadId: UPLOAD_ID,
      status: 'rejected',
      problemCount: 1,
      problems: [{ code: 'money.tooManyDecimals', fix: { th: expect.any(String) } }],
    });
    expect(aws.calls(GetCommand)).toEqual([
      {
        TableName: 'acm-report-test',
        Key: { pk: `UPLOAD#opdc#${UPLOAD_ID}`, sk: 'UPLOAD' },
        ConsistentRead: true,
      },
    ]);
  });

  it('tells which version an accepted upload became, and nothing of where it is stored', async () => {
    aws.on(GetCommand, () => ({
      Item: { ...requested, status: 'accepted', version: 3, settledAt: '2024-04-30T07:01:06Z' },
    }));
    const result = await getUpload(request(), lambdaContext());
    expect(result.statusCode).toBe(200);
    const view = body(result);
    expect(view).toMatchObject({ status: 'accepted', version: 3 });
    expect(view).not.toHaveProperty('key');
    expect(view).not.toHaveProperty('uploadedBy');
  });

  it('lets another member of the same division read it', async () => {
    aws.on(GetCommand, () => ({ Item: rejected }));
    const event = withCaller(request(), {
      sub: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
      groups: ['opdc:division:division-placeholder-01'],
    });
    const result = await getUpload(event, lambdaContext());
    expect(result.statusCode).toBe(200);
  });

  it('lets the coordinator read any division’s upload', async () => {
    aws.on(GetCommand, () => ({ Item: rejected }));
    const event = withCaller(request(), {
      sub: '3c9a1f0e-8d2b-4b6a-9f3e-6a1d2c3b4e5f',
      groups: ['opdc:coordinator'],
    });
    const result = await getUpload(event, lambdaContext());
    expect(result.statusCode).toBe(200);
  });

  it('answers another division 404, not 403: it learns nothing, not even that the upload exists', async () => {
    aws.on(GetCommand, () => ({ Item: rejected }));
    const event = withCaller(request(), {
      sub: 'f0e1d2c3-b4a5-4968-8776-655443322110',
      groups: ['opdc:division:division-placeholder-02'],
    });
    const result = await getUpload(event, lambdaContext());
    expect(result.statusCode).toBe(404);
    expect(body(result).problems[0].code).toBe('upload.notFound');
    expect(result.body).not.toContain('money.tooManyDecimals');
  });

  it('answers 404 for an upload nobody asked for', async () => {
    aws.on(GetCommand, () => ({}));
    const result = await getUpload(request(), lambdaContext());
    expect(result.statusCode).toBe(404);
    expect(body(result).problems[0].code).toBe('upload.notFound');
  });
});
