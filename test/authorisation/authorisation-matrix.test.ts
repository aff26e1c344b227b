/**
 * The authorisation matrix (issue 6): every API route × every kind of
 * caller, asked of the embedded stack's HTTP API with real state behind it.
 * An allowed cell must answer 2xx and do its work; a refused one must answer
 * 401/403 (404 where existence is hidden) with the reason in Thai and
 * English, and leave the table as it was.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type Route } from '../../infra/constructs/api.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import { resourcesOfType } from '../../local/local-template.js';
import { type Cell, DENIALS, MATRIX, rowName } from './expected-matrix.js';
import { renderMatrixMarkdown } from './matrix-markdown.js';
import { buildMatrixState } from './matrix-state.js';
import {
  AGENCY,
  DIVISIONS,
  EXTRA_IDENTITIES,
  PRINCIPAL_KEYS,
  type Principal,
  type PrincipalKey,
  principals,
} from './principals.js';
import { type ApiAnswer, type Probe, type ProbeRequest, routeProbes } from './route-probes.js';
import { tableTruth } from './table-truth.js';

let stack: LocalStack;
let people: Record<PrincipalKey, Principal>;
let probes: Map<string, Probe>;

beforeAll(async () => {
  // No timeScale here: a scaled reminder would rewrite the waiting approvals
  // (phase, token) mid-run, which the "nothing changed" checks would misread.
  stack = await startLocalStack({
    agencyId: AGENCY,
    divisions: DIVISIONS,
    extraIdentities: EXTRA_IDENTITIES,
  });
  people = principals(stack.identities);
  const truth = tableTruth(stack);
  const identity = (key: PrincipalKey) => {
    const found = people[key].identity;
    if (!found) throw new Error(`${key} has no identity`);
    return found;
  };
  const state = await buildMatrixState(stack, truth, {
    coordinator: identity('coordinator'),
    owningStaff: identity('owning division'),
    otherStaff: identity('other division'),
    owningDirector: identity('owning director'),
    uploadingDirector: identity('uploader as approver'),
    agencyHead: identity('agency head'),
  });
  probes = routeProbes(stack, truth, state);
  // Setup plays uploads, decisions and one publication (a PDF) on a shared machine.
}, 300_000);

afterAll(async () => {
  // Let the last decision's execution finish before its services go away.
  await stack?.settle(60_000).catch(() => undefined);
  await stack?.close();
});

function routeNamed(name: string): Route {
  const route = ROUTES.find((r) => r.name === name);
  if (!route) throw new Error(`no route ${name} in infra/constructs/api.ts`);
  return route;
}

/** Sends one request as the principal, the way a browser would. */
async function send(route: Route, principal: Principal, request: ProbeRequest): Promise<ApiAnswer> {
  const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = request.params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${route.path}`);
    return encodeURIComponent(value);
  });
  const query = request.query ? `?${new URLSearchParams(request.query)}` : '';
  const response = await fetch(`${stack.apiUrl}${path}${query}`, {
    method: route.method,
    headers: {
      ...(principal.authorization ? { authorization: principal.authorization } : {}),
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The refusal the cell names: its status, and a body that says why and nothing else. */
function expectRefusal(answer: ApiAnswer, cell: Exclude<Cell, 'allow'>) {
  const denial = DENIALS[cell];
  expect(answer.status).toBe(denial.status);
  if (denial.code === undefined) {
    // The JWT authorizer answers before any function runs, with API Gateway's own body.
    expect(answer.body).toEqual({ message: 'Unauthorized' });
    return;
  }
  expect(Object.keys(answer.body)).toEqual(['problems']);
  const [problem] = answer.body.problems;
  expect(problem.code).toBe(denial.code);
  expect(problem.message.th).toMatch(/[\u0E00-\u0E7F]/);
  expect(problem.message.en).toMatch(/[A-Za-z]/);
  expect(problem.fix.th).toMatch(/[\u0E00-\u0E7F]/);
  expect(problem.fix.en).toMatch(/[A-Za-z]/);
}

/** One case per cell, named "route (target) × principal → allow|deny". */
const cells = MATRIX.flatMap((row) =>
  PRINCIPAL_KEYS.map((key) => {
    const cell = row.cells[key];
    const name = `${rowName(row)} × ${key} → ${cell === 'allow' ? 'allow' : 'deny'}`;
    return [name, { row, key, cell }] as const;
  }),
);

describe('Authorisation matrix', () => {
  it('has a row for every route the API serves, and no row for a route it does not', () => {
    const served = resourcesOfType(stack.template, 'AWS::ApiGatewayV2::Route')
      .map(([, resource]) => String(resource.Properties?.RouteKey))
      .sort();
    // ROUTES is what infra/constructs/api.ts builds the API from; the template is what it built.
    expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(served);
    const covered = new Set(MATRIX.map((row) => row.route));
    expect(ROUTES.map((r) => r.name).filter((name) => !covered.has(name))).toEqual([]);
    expect([...covered].filter((name) => !ROUTES.some((r) => r.name === name))).toEqual([]);
  });

  it('knows how to ask every row', () => {
    expect(MATRIX.map(rowName).filter((name) => !probes.has(name))).toEqual([]);
  });

  it.each(cells)('%s', async (_name, { row, key, cell }) => {
    // Prepare
    const probe = probes.get(rowName(row)) as Probe;
    const principal = people[key];
    const request = await probe.request(principal, cell === 'allow');
    const before = await probe.unchanged(request);

    // Act
    const answer = await send(routeNamed(row.route), principal, request);

    // Assess
    if (cell === 'allow') {
      expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(200);
      expect(answer.status).toBeLessThan(300);
      await probe.happened(request, answer, principal);
    } else {
      expectRefusal(answer, cell);
      expect(await probe.unchanged(request)).toEqual(before);
    }
  });

  it('is written out as docs/authorisation-matrix.md', async () => {
    const markdown = renderMatrixMarkdown(MATRIX, ROUTES, people);
    await expect(markdown).toMatchFileSnapshot('../../docs/authorisation-matrix.md');
  });
});
