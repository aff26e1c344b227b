/**
 * Events for the handlers events/aws/ has no sample of, derived from the
 * samples it has, so they keep every field the real ones carry:
 * - HTTP GETs from a recorded API Gateway (payload 2.0) request, with the
 *   route, path and method of the GET in question;
 * - Step Functions task inputs from the recorded approval request, shaped as
 *   infra/constructs/approval-state-machine.ts builds them with JSONPath.
 */

import type { HttpEvent } from '../../functions/common/http.js';
import { loadEvent } from './events.js';

/** A GET of `route` (e.g. "/agencies/{agencyId}/rounds/{roundId}"), sent by the sample's caller. */
export function httpGet(
  sample: string,
  route: string,
  pathParameters: Record<string, string>,
): HttpEvent {
  const event = loadEvent<HttpEvent>(sample);
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => pathParameters[name] ?? '');
  event.routeKey = `GET ${route}`;
  event.rawPath = path;
  event.pathParameters = pathParameters;
  event.requestContext.routeKey = `GET ${route}`;
  event.requestContext.http = { ...event.requestContext.http, method: 'GET', path };
  delete event.body;
  return event;
}

/** The submission version an execution is about, as intake started it. */
export function submissionRef() {
  return loadEvent<{ submission: Record<string, unknown> }>('sfn-approval-request.json')
    .submission as {
    agencyId: string;
    roundId: string;
    itemNo: number;
    division: string;
    version: number;
    uploadedBy: string;
  };
}

/** The input of RecordApproved / RecordReturned / RecordExpired for the sample's version. */
export function itemOutcomeTask(outcome: 'approved' | 'returned' | 'expired') {
  return {
    kind: 'item',
    outcome,
    submission: submissionRef(),
    approvalChain: ['division-director', 'anti-corruption-centre'],
  };
}

export const SIGN_OFF = { agencyId: 'opdc', roundId: '2566-h1', attempt: 1 };

/** What the agency head's decision hands back to the sign-off step (SendTaskSuccess output). */
export function signOffDecision(decision: 'approved' | 'returned', comment?: string) {
  return {
    decision,
    approvalId: 'opdc.2566-h1.sign-off.a1',
    by: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
    byName: 'นายปรีชา วงศ์สุจริต',
    byPosition: 'หัวหน้าส่วนราชการ',
    at: '2023-05-02T03:00:00.000Z',
    ...(comment ? { comment } : {}),
  };
}
