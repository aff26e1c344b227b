/**
 * The carry-over route on the embedded services (dynalite, s3rver): the
 * coordinator opens the annual round from a published six-month round, and
 * every other case is refused by name — a round id that is not H1, an H1
 * that is not open or not published, a due date that is no date, an
 * annual round already open. (Who may call it: the authorisation matrix.)
 */

import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/common/http.js';
import { publishedPrefix } from '../../shared/publish/published-entry.js';
import { type CarriedDraft, carriedDraftKey } from '../../shared/workflow/carry-over.js';
import { roundIdOf } from '../../shared/workflow/round-id.js';
import { seedReport, seedRound } from '../helpers/seed-round.js';
import { loadEvent } from './events.js';
import { type HandlerServices, startHandlerServices } from './handler-services.js';
import { lambdaContext } from './lambda-context.js';

type Handler = (
  event: HttpEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;
let openFy: Handler;
let stack: HandlerServices;

beforeAll(async () => {
  stack = await startHandlerServices();
  openFy = (await import('../../functions/open-fy-from-h1/handler.js'))
    .handler as unknown as Handler;
});
afterAll(() => stack?.close(), 60_000);

const body = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(String(result.body));
const codes = (result: APIGatewayProxyStructuredResultV2) =>
  (body(result).problems as { code: string; path: string }[]).map((p) => `${p.path} ${p.code}`);

/** The coordinator's request to carry `roundId` over (the open-round event, re-aimed). */
function carryOver(roundId: string, request?: unknown): HttpEvent {
  const event = loadEvent<HttpEvent>('api-open-round.json');
  event.routeKey = 'POST /agencies/{agencyId}/rounds/{roundId}/carry-over';
  event.pathParameters = { agencyId: 'opdc', roundId };
  event.body = request === undefined ? undefined : JSON.stringify(request);
  return event;
}

/** The seed's H1 round opened for `fiscalYear`, and published when asked. */
async function givenH1(fiscalYear: number, published: boolean): Promise<string> {
  const roundId = roundIdOf(fiscalYear, 'H1');
  await stack.rounds.openRound({
    agencyId: 'opdc',
    roundId,
    round: { ...seedRound(), fiscalYear },
    openedBy: 'x',
    openedAt: '2023-04-01T00:00:00Z',
  });
  if (!published) return roundId;
  const version = await stack.rounds.claimPublishedVersion('opdc', roundId, 1);
  const report = { ...seedReport(), fiscalYear, publishedVersion: version };
  const prefix = publishedPrefix('opdc', fiscalYear, 'H1', version);
  await stack.objects.putJson(stack.publishedBucket, `${prefix}/report.json`, report);
  return roundId;
}

describe('Function: open-fy-from-h1', () => {
  it('opens the annual round from a published H1, due 31 October, with a draft per item', async () => {
    // Prepare
    const h1 = await givenH1(2566, true);

    // Act
    const result = await openFy(carryOver(h1), lambdaContext());
    const again = await openFy(carryOver(h1), lambdaContext());

    // Assess
    expect(result.statusCode).toBe(201);
    expect(body(result)).toMatchObject({ roundId: '2566-fy', carriedFrom: h1, drafts: 6 });
    const fy = await stack.rounds.getRound('opdc', '2566-fy');
    expect(fy?.round).toEqual({ ...seedRound(), period: 'FY', due: '2023-10-31' });
    const draft = (await stack.objects.getJson(
      stack.incomingBucket,
      carriedDraftKey('opdc', '2566-fy', 2),
    )) as CarriedDraft;
    expect(draft.carriedFrom.roundId).toBe(h1);
    expect(draft.submission).toMatchObject({ period: 'FY', itemNo: 2 });
    expect(again.statusCode).toBe(409);
    expect(codes(again)).toEqual(['$ round.exists']);
  });

  it('takes the due date the coordinator gives, and refuses one that is no date by its path', async () => {
    // Prepare
    const h1 = await givenH1(2567, true);

    // Act
    const refused = await openFy(carryOver(h1, { due: '2024-02-30' }), lambdaContext());
    const opened = await openFy(carryOver(h1, { due: '2024-11-15' }), lambdaContext());

    // Assess
    expect(refused.statusCode).toBe(422);
    expect(codes(refused)).toEqual(['$.due date.format']);
    expect(opened.statusCode).toBe(201);
    expect((await stack.rounds.getRound('opdc', '2567-fy'))?.round.due).toBe('2024-11-15');
  });

  it('refuses an H1 that is not published yet, and opens nothing', async () => {
    const h1 = await givenH1(2568, false);
    const result = await openFy(carryOver(h1), lambdaContext());
    expect(result.statusCode).toBe(409);
    expect(codes(result)).toEqual(['$ round.h1NotPublished']);
    expect(await stack.rounds.getRound('opdc', '2568-fy')).toBeUndefined();
  });

  it.each([
    ['an H1 that was never opened', '2569-h1', 404, '$ round.notFound'],
    ['an annual round id', '2566-fy', 422, '$ round.notH1'],
    ['no round id at all', 'latest', 422, '$ round.notH1'],
  ])('refuses %s', async (_what, roundId, status, code) => {
    const result = await openFy(carryOver(roundId), lambdaContext());
    expect(result.statusCode).toBe(status);
    expect(codes(result)).toEqual([code]);
  });
});
