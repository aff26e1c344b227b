/**
 * The HTTP handlers that open a round, report its status and hand out an
 * upload form, on the embedded services (dynalite, s3rver, fauxqs): event →
 * use case → response, with what they wrote read back through the same
 * repositories. What the writes guarantee (conditions, ordering) is pinned
 * by the repository contract suite (test/repositories).
 */

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/common/http.js';
import { roundKey } from '../../shared/adapters/table-keys.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import { validateRound } from '../../shared/validation/validate-document.js';
import { roundIdOf } from '../../shared/workflow/round-id.js';
import { loadEvent, loadSeed, withCaller } from './events.js';
import { type HandlerServices, startHandlerServices } from './handler-services.js';
import { lambdaContext } from './lambda-context.js';

type Handler = (
  event: HttpEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;
let openRound: Handler;
let roundStatus: Handler;
let requestUpload: Handler;
let stack: HandlerServices;

beforeAll(async () => {
  stack = await startHandlerServices();
  openRound = (await import('../../functions/open-round/handler.js')).handler as unknown as Handler;
  roundStatus = (await import('../../functions/round-status/handler.js'))
    .handler as unknown as Handler;
  requestUpload = (await import('../../functions/request-upload/handler.js'))
    .handler as unknown as Handler;
});
// Closing three emulators can take a while on a loaded machine.
afterAll(() => stack?.close(), 60_000);

const body = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(String(result.body));

const seedRound = () => {
  const round = validateRound(JSON.parse(loadSeed('round.json')));
  if (!round.ok) throw new Error('seed round invalid');
  return round.value;
};
const COORDINATOR = '3c9a1f0e-8d2b-4b6a-9f3e-6a1d2c3b4e5f';

/** The seed's open-round request for another fiscal year, so each case has a round of its own. */
function openRoundEvent(fiscalYear: number, change: Partial<Round> = {}): HttpEvent {
  const event = loadEvent<HttpEvent>('api-open-round.json');
  event.body = JSON.stringify({ ...JSON.parse(String(event.body)), fiscalYear, ...change });
  return event;
}

/** Opens a round directly in the table and points `event` at it. */
async function givenRound<E extends HttpEvent>(event: E, fiscalYear: number): Promise<E> {
  const round = { ...seedRound(), fiscalYear };
  const roundId = roundIdOf(fiscalYear, round.period);
  await stack.rounds.openRound({
    agencyId: 'opdc',
    roundId,
    round,
    openedBy: 'x',
    openedAt: '2023-04-01T00:00:00Z',
  });
  event.pathParameters = { ...event.pathParameters, roundId };
  return event;
}

describe('Function: open-round', () => {
  it('opens the seed round for its coordinator, once', async () => {
    // Act
    const result = await openRound(loadEvent<HttpEvent>('api-open-round.json'), lambdaContext());
    const again = await openRound(loadEvent<HttpEvent>('api-open-round.json'), lambdaContext());

    // Assess
    expect(result.statusCode).toBe(201);
    expect(body(result)).toMatchObject({ agencyId: 'opdc', roundId: '2566-h1' });
    expect(await stack.rounds.getRound('opdc', '2566-h1')).toMatchObject({
      round: seedRound(),
      openedBy: COORDINATOR,
    });
    expect(again.statusCode).toBe(409);
    const listed = await stack.rounds.listRounds('opdc');
    expect(listed.filter((l) => l.roundId === '2566-h1')).toHaveLength(1);
  });

  it('opens a plan of 5,000 items, each a row of its own beside a small header', async () => {
    // Prepare
    const round = seedRound();
    const items = Array.from({ length: 5000 }, (_, i) => ({
      ...(round.items[i % round.items.length] as Round['items'][number]),
      no: i + 1,
    }));

    // Act
    const result = await openRound(openRoundEvent(2567, { items }), lambdaContext());

    // Assess
    expect(result.statusCode).toBe(201);
    const last = await stack.rounds.getRoundItem('opdc', '2567-h1', 5000);
    expect(last?.item).toEqual(items[4999]);
    const { Item } = await stack.documents.send(
      new GetCommand({ TableName: stack.tableName, Key: roundKey('opdc', '2567-h1') }),
    );
    // The header holds no plan items: far under DynamoDB's 400 KB item limit however long the plan.
    expect(JSON.stringify(Item).length).toBeLessThan(2_000);
    expect(Item).toMatchObject({ itemCount: 5000 });
  });

  it('answers 409 when the round is already open', async () => {
    expect((await openRound(openRoundEvent(2568), lambdaContext())).statusCode).toBe(201);
    const result = await openRound(openRoundEvent(2568, { due: '2025-06-30' }), lambdaContext());
    expect(result.statusCode).toBe(409);
    expect(body(result).problems[0].code).toBe('round.exists');
    expect((await stack.rounds.getRoundHeader('opdc', '2568-h1'))?.round.due).not.toBe(
      '2025-06-30',
    );
  });

  it('refuses a division member who is not the coordinator', async () => {
    const event = withCaller(openRoundEvent(2569), {
      groups: ['opdc:division:division-placeholder-01'],
    });
    const result = await openRound(event, lambdaContext());
    expect(result.statusCode).toBe(403);
    expect(body(result).problems[0]).toMatchObject({
      code: 'auth.notRole',
      message: { en: expect.stringContaining('coordinator') },
    });
    expect(await stack.rounds.getRoundHeader('opdc', '2569-h1')).toBeUndefined();
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
    const event = await givenRound(loadEvent<HttpEvent>('api-round-status.json'), 2570);
    const ref = (itemNo: number, version: number) => ({
      agencyId: 'opdc',
      roundId: '2570-h1',
      itemNo,
      division: `division-placeholder-0${itemNo}`,
      version,
    });
    const at = '2023-04-20T00:00:00Z';
    await stack.rounds.advanceCurrent(ref(1, 2), 'anti-corruption-centre', at);
    await stack.rounds.advanceCurrent(ref(2, 1), 'division-director', at);
    await stack.rounds.setItemStatus(ref(2, 1), 'approved', at);

    // Act
    const result = await roundStatus(event, lambdaContext());

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
  });

  it('answers 404 for a round never opened', async () => {
    const event = loadEvent<HttpEvent>('api-round-status.json');
    event.pathParameters = { ...event.pathParameters, roundId: '2599-h1' };
    const result = await roundStatus(event, lambdaContext());
    expect(result.statusCode).toBe(404);
  });
});

describe('Function: request-upload', () => {
  it('presigns a POST for exactly one key, a size range and a fixed type', async () => {
    // Prepare
    const event = await givenRound(loadEvent<HttpEvent>('api-request-upload.json'), 2571);

    // Act
    const result = await requestUpload(event, lambdaContext());

    // Assess
    expect(result.statusCode).toBe(201);
    const answer = body(result);
    const key = `incoming/opdc/2571-h1/1/division-placeholder-01/${answer.uploadId}`;
    expect(answer.post.fields).toMatchObject({ key, 'Content-Type': 'application/json' });
    const policy = JSON.parse(Buffer.from(answer.post.fields.Policy, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 1048576],
        ['eq', '$Content-Type', 'application/json'],
        { key },
      ]),
    );
    expect(await stack.submissions.getUpload('opdc', answer.uploadId)).toMatchObject({
      status: 'requested',
      uploadedBy: '8b2e4d6f-1a3c-4e5b-9d7f-0c2a4b6d8e1f',
      key,
    });
  });

  it('refuses an item of another division', async () => {
    const event = await givenRound(loadEvent<HttpEvent>('api-request-upload.json'), 2572);
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
    const event = await givenRound(loadEvent<HttpEvent>('api-request-upload.json'), 2573);
    const stop = stack.faults.inject({ name: 'table down', matches: () => true });
    const result = await requestUpload(event, lambdaContext()).finally(stop);
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('5');
    const [problem] = body(result).problems;
    expect(problem.code).toBe('server.unavailable');
    expect(problem.message.th).toContain('ชั่วคราว');
    expect(problem.fix.en).toContain('Try again in 5 seconds');
  });

  it('answers 500 with a bilingual message and the request id when something else fails', async () => {
    // DynamoDB itself refuses a partition key over 2,048 bytes (ValidationException): a fault, not a throttle.
    const event = loadEvent<HttpEvent>('api-request-upload.json');
    event.pathParameters = { ...event.pathParameters, roundId: 'x'.repeat(3000) };
    const result = await requestUpload(event, lambdaContext());
    expect(result.statusCode).toBe(500);
    expect(result.headers?.['retry-after']).toBeUndefined();
    expect(body(result).problems[0].fix.en).toContain('Jt9AdgXxSQ0EJvC=');
  });
});
