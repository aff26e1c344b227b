/**
 * The carried-draft route on the embedded services (dynalite, s3rver): once
 * the coordinator has opened the annual round from a published six-month
 * one, the item's division reads its draft marked with the approved H1
 * version and when it was approved; an annual round without carried drafts
 * answers 404 in Thai and English. (Who may call it: the authorisation matrix.)
 */

import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/common/http.js';
import { publishedPrefix } from '../../shared/publish/published-entry.js';
import { type Approval, itemApprovalId } from '../../shared/workflow/approval.js';
import { type CarriedDraft, carriedDraftKey } from '../../shared/workflow/carry-over.js';
import { seedReport, seedRound } from '../helpers/seed-round.js';
import { httpGet } from './derived-events.js';
import { loadEvent, withCaller } from './events.js';
import { type HandlerServices, startHandlerServices } from './handler-services.js';
import { lambdaContext } from './lambda-context.js';

type Handler = (
  event: HttpEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;
let openFy: Handler;
let getCarried: Handler;
let stack: HandlerServices;

const ROUTE = '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/carried';
const APPROVED_AT = '2023-03-20T03:00:00.000Z';
const body = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(String(result.body));

/** Item `itemNo` of `roundId`'s carried draft, asked for by someone in `groups`. */
const ask = (roundId: string, itemNo: number, groups: string[]) =>
  getCarried(
    withCaller(
      httpGet('api-round-status.json', ROUTE, {
        agencyId: 'opdc',
        roundId,
        itemNo: String(itemNo),
      }),
      {
        groups,
      },
    ),
    lambdaContext(),
  );

beforeAll(async () => {
  stack = await startHandlerServices();
  openFy = (await import('../../functions/open-fy-from-h1/handler.js'))
    .handler as unknown as Handler;
  getCarried = (await import('../../functions/get-carried-draft/handler.js'))
    .handler as unknown as Handler;
  // 2566: H1 published, the annual round carried over from it.
  await stack.rounds.openRound({
    agencyId: 'opdc',
    roundId: '2566-h1',
    round: seedRound(),
    openedBy: 'x',
    openedAt: '2023-04-01T00:00:00Z',
  });
  const version = await stack.rounds.claimPublishedVersion('opdc', '2566-h1', 1);
  const prefix = publishedPrefix('opdc', 2566, 'H1', version);
  await stack.objects.putJson(stack.publishedBucket, `${prefix}/report.json`, {
    ...seedReport(),
    publishedVersion: version,
  });
  const carryOver = loadEvent<HttpEvent>('api-open-round.json');
  carryOver.routeKey = 'POST /agencies/{agencyId}/rounds/{roundId}/carry-over';
  carryOver.pathParameters = { agencyId: 'opdc', roundId: '2566-h1' };
  delete carryOver.body;
  expect((await openFy(carryOver, lambdaContext())).statusCode).toBe(201);
  // 2567: an annual round opened from a plan file, so nothing was carried over.
  await stack.rounds.openRound({
    agencyId: 'opdc',
    roundId: '2567-fy',
    round: { ...seedRound(), fiscalYear: 2567, period: 'FY', due: '2024-10-31' },
    openedBy: 'x',
    openedAt: '2024-04-01T00:00:00Z',
  });
});
afterAll(() => stack?.close(), 60_000);

describe('Function: get-carried-draft', () => {
  it("gives the item's division its draft, marked with the approved H1 version and when", async () => {
    // Prepare: the H1 version's last approval step, decided.
    const stored = (await stack.objects.getJson(
      stack.incomingBucket,
      carriedDraftKey('opdc', '2566-fy', 2),
    )) as CarriedDraft;
    const chain = seedRound().approvalChain;
    const last = chain.length - 1;
    const { division } = stored.submission;
    const approval: Approval = {
      approvalId: itemApprovalId('opdc', '2566-h1', 2, stored.carriedFrom.itemVersion, last),
      agencyId: 'opdc',
      roundId: '2566-h1',
      subject: {
        kind: 'item',
        itemNo: 2,
        division,
        version: stored.carriedFrom.itemVersion,
        uploadedBy: 'staff-2',
      },
      step: last,
      role: chain[last] ?? 'agency-head',
      status: 'pending',
      phase: 'request',
      requestedAt: '2023-03-19T03:00:00.000Z',
    };
    await stack.approvals.recordPending(approval, 'secret-token');
    await stack.approvals.settle({
      ...approval,
      status: 'approved',
      decidedBy: 'head',
      decidedByName: 'head',
      decidedAt: APPROVED_AT,
    });

    // Act
    const result = await ask('2566-fy', 2, [`opdc:division:${division}`]);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(body(result)).toEqual({
      agencyId: 'opdc',
      roundId: '2566-fy',
      itemNo: 2,
      carriedFrom: { ...stored.carriedFrom, roundId: '2566-h1', publishedVersion: 1 },
      approvedAt: APPROVED_AT,
      submission: stored.submission,
    });
    expect(body(result).submission).toMatchObject({ period: 'FY', itemNo: 2 });
  });

  it('answers 404 in Thai and English for an annual round with nothing carried over', async () => {
    const result = await ask('2567-fy', 2, ['opdc:coordinator']);
    expect(result.statusCode).toBe(404);
    const [problem] = body(result).problems;
    expect(problem).toMatchObject({ code: 'carried.none', path: '$' });
    expect(problem.message.th).toContain('รอบ ๖ เดือน');
    expect(problem.message.en).toContain('six-month');
  });

  it.each([
    ['a plan item the round does not have', '2566-fy', 99, '$.itemNo submission.unknownItem'],
    ['a round that was never opened', '2569-fy', 1, '$ round.notFound'],
  ])('refuses %s by name', async (_what, roundId, itemNo, code) => {
    const result = await ask(roundId, itemNo, ['opdc:coordinator']);
    expect(result.statusCode).toBe(404);
    expect(
      body(result).problems.map((p: { path: string; code: string }) => `${p.path} ${p.code}`),
    ).toEqual([code]);
  });
});
