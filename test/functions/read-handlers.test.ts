/**
 * GET handlers through middy: a round's configuration and an upload's
 * result, on the embedded services (./handler-services.ts): the handlers,
 * middy, Powertools, the domain and the adapters run for real over the
 * DynamoDB protocol.
 */

import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/common/http.js';
import type { UploadRecord } from '../../shared/workflow/upload-record.js';
import { seedRound } from '../helpers/seed-round.js';
import { httpGet } from './derived-events.js';
import { withCaller } from './events.js';
import { type HandlerServices, startHandlerServices } from './handler-services.js';
import { lambdaContext } from './lambda-context.js';

type Handler = (
  event: HttpEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;
let getRound: Handler;
let getUpload: Handler;

let stack: HandlerServices;
beforeAll(async () => {
  stack = await startHandlerServices();
  getRound = (await import('../../functions/get-round/handler.js')).handler as unknown as Handler;
  getUpload = (await import('../../functions/get-upload/handler.js')).handler as unknown as Handler;
});

// Closing three emulators can take a while on a loaded machine.
afterAll(() => stack?.close(), 60_000);

const body = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(String(result.body));

describe('Function: get-round', () => {
  // The coordinator's recorded status request, turned into a GET of the round itself.
  const request = (roundId = '2566-h1') =>
    httpGet('api-round-status.json', '/agencies/{agencyId}/rounds/{roundId}', {
      agencyId: 'opdc',
      roundId,
    });
  const stored = {
    agencyId: 'opdc',
    roundId: '2566-h1',
    round: seedRound(),
    openedBy: '3c9a1f0e-8d2b-4b6a-9f3e-6a1d2c3b4e5f',
    openedAt: '2023-04-01T02:00:00.000Z',
  };
  beforeAll(async () => {
    await stack.rounds.openRound(stored);
  });

  it('returns the round to a member of its agency, without the table keys', async () => {
    // Prepare
    const event = withCaller(request(), { groups: ['opdc:division:division-placeholder-04'] });

    // Act
    const result = await getRound(event, lambdaContext());

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({ 'cache-control': 'no-store' });
    const round = body(result);
    expect(round).toEqual(stored);
    expect(round.round.items).toHaveLength(6);
    expect(round).not.toHaveProperty('pk');
  });

  it("refuses someone from another agency without reading that agency's partition", async () => {
    const event = withCaller(request(), { groups: ['dga:coordinator'] });
    stack.dynamoRequests.clear();
    const result = await getRound(event, lambdaContext());
    expect(result.statusCode).toBe(403);
    expect(body(result).problems[0]).toMatchObject({
      code: 'auth.notMember',
      message: { th: expect.any(String), en: expect.any(String) },
    });
    expect(stack.dynamoRequests.operations()).toEqual([]);
  });

  it('answers 404 for a round never opened', async () => {
    const result = await getRound(request('2599-h1'), lambdaContext());
    expect(result.statusCode).toBe(404);
    expect(body(result).problems[0].code).toBe('round.notFound');
  });

  it('answers 401 when the request carries no user', async () => {
    const event = request();
    event.requestContext.authorizer.jwt.claims = {};
    stack.dynamoRequests.clear();
    const result = await getRound(event, lambdaContext());
    expect(result.statusCode).toBe(401);
    expect(stack.dynamoRequests.operations()).toEqual([]);
  });

  // The 500 for a fault (with the request id to quote) is the same middleware: see request-upload.
  it('answers 503 (try again) when DynamoDB is unavailable', async () => {
    const stop = stack.faults.inject({ name: 'table down', matches: () => true });
    const result = await getRound(request(), lambdaContext()).finally(stop);
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('5');
  });
});

describe('Function: get-upload', () => {
  const UPLOAD_ID = '0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c';
  const UPLOADER = '8b2e4d6f-1a3c-4e5b-9d7f-0c2a4b6d8e1f';
  // The division member who asked for the upload, now asking how it went.
  const ACCEPTED_ID = '1c7f2d8e-3e5b-4a9c-8d4f-6b8e0f2a4c3d';
  const request = (uploadId = UPLOAD_ID) =>
    httpGet('api-request-upload.json', '/agencies/{agencyId}/uploads/{uploadId}', {
      agencyId: 'opdc',
      uploadId,
    });
  const requested: UploadRecord = {
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
    status: 'requested',
  };
  const rejected = {
    status: 'rejected' as const,
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
  beforeAll(async () => {
    await stack.submissions.putUpload(requested);
    await stack.submissions.settleUpload(requested, rejected);
    const accepted = { ...requested, uploadId: ACCEPTED_ID };
    await stack.submissions.putUpload(accepted);
    await stack.submissions.settleUpload(accepted, {
      status: 'accepted',
      version: 3,
      settledAt: '2024-04-30T07:01:06Z',
    });
  });

  it('shows the uploader every problem of a refused upload, read consistently', async () => {
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
  });

  it('tells which version an accepted upload became, and nothing of where it is stored', async () => {
    const result = await getUpload(request(ACCEPTED_ID), lambdaContext());
    expect(result.statusCode).toBe(200);
    const view = body(result);
    expect(view).toMatchObject({ status: 'accepted', version: 3 });
    expect(view).not.toHaveProperty('key');
    expect(view).not.toHaveProperty('uploadedBy');
  });

  it('lets another member of the same division read it', async () => {
    const event = withCaller(request(), {
      sub: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
      groups: ['opdc:division:division-placeholder-01'],
    });
    const result = await getUpload(event, lambdaContext());
    expect(result.statusCode).toBe(200);
  });

  it('lets the coordinator read any division’s upload', async () => {
    const event = withCaller(request(), {
      sub: '3c9a1f0e-8d2b-4b6a-9f3e-6a1d2c3b4e5f',
      groups: ['opdc:coordinator'],
    });
    const result = await getUpload(event, lambdaContext());
    expect(result.statusCode).toBe(200);
  });

  it('answers another division 404, not 403: it learns nothing, not even that the upload exists', async () => {
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
    const result = await getUpload(
      request('9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(404);
    expect(body(result).problems[0].code).toBe('upload.notFound');
  });
});
