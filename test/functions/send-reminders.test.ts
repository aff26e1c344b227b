/**
 * The coordinator's "remind" on a 2,000-item round, on the embedded services
 * (dynalite, fauxqs behind the fault proxy): the queue receives one notice
 * per division that owes a report, exactly once, however often the request
 * is retried that day, and a batch the queue refuses is sent by the retry.
 */

import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/common/http.js';
import { readSeedPlan, syntheticRound } from '../../local/synthetic-round.js';
import type { Notice } from '../../shared/workflow/approval-notice.js';
import { roundIdOf } from '../../shared/workflow/round-id.js';
import { httpGet } from './derived-events.js';
import { withCaller } from './events.js';
import { type HandlerServices, startHandlerServices } from './handler-services.js';
import { lambdaContext } from './lambda-context.js';

type Handler = (
  event: HttpEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;
let remind: Handler;
let stack: HandlerServices;
const ITEMS = 2_000;
const ROUTE = '/agencies/{agencyId}/rounds/{roundId}/reminders';

/** Opens a synthetic round of `ITEMS` plan items, none reported yet. */
async function openLargeRound(fiscalYear: number): Promise<string> {
  const round = syntheticRound(await readSeedPlan(), ITEMS, { fiscalYear, period: 'H1' });
  const roundId = roundIdOf(fiscalYear, 'H1');
  await stack.rounds.openRound({
    agencyId: 'opdc',
    roundId,
    round,
    openedBy: 'coordinator',
    openedAt: '2023-04-01T02:00:00.000Z',
  });
  return roundId;
}

function remindEvent(roundId: string): HttpEvent {
  const event = withCaller(httpGet('api-round-status.json', ROUTE, { agencyId: 'opdc', roundId }), {
    groups: ['opdc:coordinator'],
  });
  event.requestContext.http.method = 'POST';
  event.routeKey = `POST ${ROUTE}`;
  return event;
}

/** Everything on the queue now, taken off it. */
async function drainNotices(): Promise<Notice[]> {
  const all: Notice[] = [];
  for (let batch = await stack.receiveNotices(); batch.length > 0; ) {
    all.push(...(batch as Notice[]));
    batch = await stack.receiveNotices();
  }
  return all;
}

const itemNumbers = (notices: Notice[]) => notices.map((n) => n.itemNo ?? 0).sort((a, b) => a - b);
const oneToAll = Array.from({ length: ITEMS }, (_, i) => i + 1);
const body = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(String(result.body));

beforeAll(async () => {
  stack = await startHandlerServices();
  remind = (await import('../../functions/send-reminders/handler.js'))
    .handler as unknown as Handler;
});
// Closing three emulators can take a while on a loaded machine.
afterAll(() => stack?.close(), 60_000);

describe('Function: send-reminders on a 2,000-item round', () => {
  it('reminds each of the 2,000 divisions once, and a retried request reminds nobody again', async () => {
    // Prepare
    const roundId = await openLargeRound(2570);
    await drainNotices();

    // Act
    const first = await remind(remindEvent(roundId), lambdaContext());
    const sent = await drainNotices();
    const retried = await remind(remindEvent(roundId), lambdaContext());
    const resent = await drainNotices();

    // Assess
    expect(first.statusCode).toBe(202);
    expect(body(first)).toMatchObject({ alreadyToday: 0, approvals: [] });
    expect(body(first).items).toHaveLength(ITEMS);
    expect(sent.every((n) => n.kind === 'submission-reminder')).toBe(true);
    expect(itemNumbers(sent)).toEqual(oneToAll);
    expect(retried.statusCode).toBe(202);
    expect(body(retried)).toMatchObject({ alreadyToday: ITEMS });
    expect(resent).toEqual([]);
  }, 240_000);

  it('answers 503 when the queue refuses a batch, and the retry sends just that batch', async () => {
    // Prepare: every SendMessageBatch that carries item 1234 fails, SDK retries included.
    const roundId = await openLargeRound(2571);
    await drainNotices();
    const stop = stack.faults.inject({
      name: 'queue refuses the batch with item 1234',
      matches: (request) =>
        request.operation === 'SendMessageBatch' &&
        (JSON.parse(request.body) as { Entries: { MessageBody: string }[] }).Entries.some(
          (entry) => (JSON.parse(entry.MessageBody) as Notice).itemNo === 1234,
        ),
    });

    // Act
    const refused = await remind(remindEvent(roundId), lambdaContext());
    const beforeRetry = await drainNotices();
    stop();
    const retried = await remind(remindEvent(roundId), lambdaContext());
    const afterRetry = await drainNotices();

    // Assess
    expect(refused.statusCode).toBe(503);
    expect(body(refused).problems[0]).toMatchObject({ code: 'server.unavailable' });
    expect(beforeRetry.length).toBeGreaterThan(0);
    expect(itemNumbers(beforeRetry)).not.toContain(1234);
    expect(retried.statusCode).toBe(202);
    expect(body(retried).alreadyToday).toBe(beforeRetry.length);
    expect(itemNumbers(afterRetry)).toContain(1234);
    expect(afterRetry.length).toBeLessThanOrEqual(10);
    expect(itemNumbers([...beforeRetry, ...afterRetry])).toEqual(oneToAll);
  }, 240_000);
});
