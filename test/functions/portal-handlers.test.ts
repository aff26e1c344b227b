/**
 * The portal's routes through middy on the embedded services
 * (./handler-services.ts): what each reads or sends, what it
 * answers, 401 without a signed-in caller, 403 without reading anything
 * when the caller may not. The full allow/deny matrix is in
 * test/workflow/portal-authorisation.test.ts.
 */

import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/common/http.js';
import type { Approval } from '../../shared/workflow/approval.js';
import { draftReportKey } from '../../shared/workflow/roll-up-round.js';
import type { SubmissionVersion } from '../../shared/workflow/submission-version.js';
import { seedRound } from '../helpers/seed-round.js';
import { httpGet } from './derived-events.js';
import { withCaller } from './events.js';
import { type HandlerServices, startHandlerServices } from './handler-services.js';
import { lambdaContext } from './lambda-context.js';

type Handler = (
  event: HttpEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;
const handlers: Record<string, Handler> = {};
let stack: HandlerServices;

const body = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(String(result.body));
const call = (name: string, event: HttpEvent) =>
  (handlers[name] as Handler)(event, lambdaContext(`acm-report-test-${name}`));
const DIVISION = 'division-placeholder-04';
const AT = '2023-04-10T02:00:00.000Z';
const versionItem = (roundId: string): SubmissionVersion => ({
  agencyId: 'opdc',
  roundId,
  itemNo: 4,
  division: DIVISION,
  version: 1,
  source: { uploadId: 'u1', key: 'k', etag: 'e', sha256: 'a'.repeat(64), format: 'json', size: 10 },
  documentKey: `submissions/opdc/${roundId}/4/${DIVISION}/u1.json`,
  uploadedBy: 'staff-4',
  uploadedAt: AT,
  status: 'awaiting-approval',
});
const returned: Approval = {
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
};
/** In round 2568-h1, item 4 waits on its division director. */
const waiting: Approval = {
  ...returned,
  approvalId: 'opdc.2568-h1.4.v1.s0',
  roundId: '2568-h1',
  status: 'pending',
};

/**
 * 2566-h1: item 4's version 1 returned by its director, sign-off on attempt 2
 * with its draft; 2567-h1: nothing yet; 2568-h1: item 4 waiting on approval.
 */
beforeAll(async () => {
  stack = await startHandlerServices();
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
  for (const roundId of ['2566-h1', '2567-h1', '2568-h1']) {
    await stack.rounds.openRound({
      agencyId: 'opdc',
      roundId,
      round: seedRound(),
      openedBy: 'coordinator',
      openedAt: '2023-04-01T02:00:00.000Z',
    });
  }
  const version = versionItem('2566-h1');
  await stack.submissions.putVersion(version);
  await stack.rounds.advanceCurrent(version, 'division-director', AT);
  await stack.submissions.setVersionStatus(version, 'returned');
  await stack.rounds.setItemStatus(version, 'returned', '2023-04-11T02:00:00.000Z');
  await stack.approvals.recordPending({ ...returned, status: 'pending' }, 'secret-token');
  await stack.approvals.settle(returned);
  await stack.objects.putJson(stack.incomingBucket, version.documentKey, {
    budgetUsed: '2721000',
  });
  const first = { state: 'requested' as const, attempt: 1, at: AT };
  await stack.rounds.claimSignOff('opdc', '2566-h1', first);
  await stack.rounds.settleSignOff('opdc', '2566-h1', { ...first, state: 'returned' });
  await stack.rounds.claimSignOff('opdc', '2566-h1', {
    state: 'requested',
    attempt: 2,
    at: '2023-04-20T02:00:00.000Z',
  });
  await stack.objects.putJson(stack.incomingBucket, 'drafts/opdc/2566-h1/a2/report.json', {
    type: 'report',
  });
  const pending = versionItem('2568-h1');
  await stack.submissions.putVersion(pending);
  await stack.rounds.advanceCurrent(pending, 'division-director', AT);
  await stack.approvals.recordPending(waiting, 'secret-token');
});
// Closing three emulators can take a while on a loaded machine.
afterAll(() => stack?.close(), 60_000);

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
    await stack.rounds.openRound({
      agencyId: 'dga',
      roundId: '2569-h1',
      round: { ...seedRound(), agency: { id: 'dga', nameTh: 'สพร.' } },
      openedBy: 'coordinator',
      openedAt: AT,
    });
    const result = await call(
      'list-rounds',
      get(route, { agencyId: 'opdc' }, [`opdc:division:${DIVISION}`]),
    );
    expect(result.statusCode).toBe(200);
    expect(body(result).rounds.map((r: { roundId: string }) => r.roundId)).toEqual([
      '2568-h1',
      '2567-h1',
      '2566-h1',
    ]);
    expect(body(result).rounds[0]).not.toHaveProperty('pk');
  });

  it('answers 401 to nobody and 403 to another agency, reading nothing', async () => {
    stack.dynamoRequests.clear();
    expect((await call('list-rounds', anonymous(route, { agencyId: 'opdc' }))).statusCode).toBe(
      401,
    );
    expect(
      (await call('list-rounds', get(route, { agencyId: 'opdc' }, ['dga:coordinator']))).statusCode,
    ).toBe(403);
    expect(stack.dynamoRequests.operations()).toEqual([]);
  });
});

describe('Function: get-item', () => {
  const route = '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}';
  const params = { agencyId: 'opdc', roundId: '2566-h1', itemNo: '4' };

  it('gives the division its versions and the comment of a return, never a task token', async () => {
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
  });

  it('refuses another division', async () => {
    stack.dynamoRequests.clear();
    const result = await call(
      'get-item',
      get(route, params, ['opdc:division:division-placeholder-01']),
    );
    expect(result.statusCode).toBe(403);
    expect(stack.dynamoRequests.operations()).not.toContain('BatchGetItem');
  });
});

describe('Function: get-version', () => {
  const route = '/agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/versions/{version}';
  const params = { agencyId: 'opdc', roundId: '2566-h1', itemNo: '4', version: '1' };

  it("gives the director the version's submission beside its plan item", async () => {
    const event = get(route, params, ['opdc:division-director', `opdc:division:${DIVISION}`]);
    const result = await call('get-version', event);
    expect(result.statusCode).toBe(200);
    expect(body(result)).toMatchObject({
      item: { no: 4, division: DIVISION },
      version: 1,
      submission: { budgetUsed: '2721000' },
    });
  });

  it('answers 404 for a version that is not a number', async () => {
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

  it("links the agency head to the latest attempt's draft", async () => {
    const result = await call('get-draft', get(route, params, ['opdc:agency-head']));
    expect(result.statusCode).toBe(200);
    const link = body(result);
    expect(link).toMatchObject({ signOff: { attempt: 2 }, bytes: expect.any(Number) });
    expect(link).not.toHaveProperty('report');
    expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    // The attempt-2 draft: the only one stored, so an attempt-1 key would find nothing.
    const fetched = await fetch(link.reportUrl);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual({ type: 'report' });
  });

  it('hands out a link to a draft over 6 MB, which the response could not carry', async () => {
    // Prepare: a draft of about 7 MB of Thai text (3 bytes a character in UTF-8).
    const signOff = { state: 'requested' as const, attempt: 1, at: AT };
    await stack.rounds.claimSignOff('opdc', '2568-h1', signOff);
    const large = { type: 'report', body: 'ความก้าวหน้าการดำเนินการ '.repeat(95_000) };
    const key = draftReportKey({ agencyId: 'opdc', roundId: '2568-h1', attempt: 1 });
    await stack.objects.putJson(stack.incomingBucket, key, large);

    // Act
    const result = await call(
      'get-draft',
      get(route, { ...params, roundId: '2568-h1' }, ['opdc:agency-head']),
    );
    const fetched = await fetch(body(result).reportUrl);
    const bytes = new Uint8Array(await fetched.arrayBuffer());

    // Assess
    expect(result.statusCode).toBe(200);
    expect(String(result.body).length).toBeLessThan(4_000);
    expect(body(result).bytes).toBe(bytes.length);
    expect(bytes.length).toBeGreaterThan(6 * 1024 * 1024);
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(large);
  });

  it('refuses a division, and answers 404 before any draft exists', async () => {
    expect(
      (await call('get-draft', get(route, params, [`opdc:division:${DIVISION}`]))).statusCode,
    ).toBe(403);
    const result = await call(
      'get-draft',
      get(route, { ...params, roundId: '2567-h1' }, ['opdc:coordinator']),
    );
    expect(result.statusCode).toBe(404);
    expect(body(result).problems[0].code).toBe('draft.notYet');
  });
});

describe('Function: list-decisions', () => {
  it("queries the decider's history index for the caller only", async () => {
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
  });
});

describe('Function: send-reminders', () => {
  const route = '/agencies/{agencyId}/rounds/{roundId}/reminders';
  const post = (groups: string[]) => {
    const event = get(route, { agencyId: 'opdc', roundId: '2568-h1' }, groups);
    event.requestContext.http.method = 'POST';
    return event;
  };

  it('reminds every division that owes a report and every approver a step waits for', async () => {
    while ((await stack.receiveNotices()).length > 0);
    const result = await call('send-reminders', post(['opdc:coordinator']));
    expect(result.statusCode).toBe(202);
    expect(body(result)).toEqual({
      items: [1, 2, 3, 5, 6],
      approvals: [waiting.approvalId],
      alreadyToday: 0,
    });
    const notices = [] as { kind: string; groups: string[] }[];
    for (let batch = await stack.receiveNotices(); batch.length > 0; ) {
      notices.push(...(batch as typeof notices));
      batch = await stack.receiveNotices();
    }
    expect(notices.map((n) => n.kind).sort()).toEqual([
      'approval-reminder',
      ...Array(5).fill('submission-reminder'),
    ]);
    expect(notices.find((n) => n.kind === 'approval-reminder')?.groups).toEqual([
      'opdc:division-director',
      `opdc:division:${DIVISION}`,
    ]);
  });

  it('is for the coordinator only', async () => {
    const result = await call('send-reminders', post(['opdc:agency-head']));
    expect(result.statusCode).toBe(403);
    expect(await stack.receiveNotices()).toEqual([]);
  });
});
