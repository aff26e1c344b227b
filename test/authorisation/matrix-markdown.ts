/**
 * docs/authorisation-matrix.md, rendered from the expected table the test
 * checks against the running API, so the page cannot drift from the test.
 */

import type { Route } from '../../infra/constructs/api.js';
import { type Cell, DENIALS, type MatrixRow } from './expected-matrix.js';
import { PRINCIPAL_KEYS, type Principal, type PrincipalKey } from './principals.js';

function cellText(cell: Cell): string {
  if (cell === 'allow') return '✅ allow';
  const denial = DENIALS[cell];
  return `⛔ ${denial.status} ${cell}`;
}

const escapePipes = (text: string) => text.replace(/\|/g, '\\|');

export function renderMatrixMarkdown(
  rows: readonly MatrixRow[],
  routes: readonly Route[],
  principals: Record<PrincipalKey, Principal>,
): string {
  const routeOf = (name: string) => routes.find((r) => r.name === name);
  const header = ['route', 'acts on', ...PRINCIPAL_KEYS];
  const lines = [
    '# Authorisation matrix',
    '',
    'Who may call each route of the HTTP API, and what everyone else gets back. Generated from',
    '`test/authorisation/expected-matrix.ts` by `test/authorisation/authorisation-matrix.test.ts`,',
    'which sends every cell to the API of the embedded stack and checks the answer and the table:',
    'an allowed request must do its work, a refused one must change nothing. The test fails when',
    'this page differs from the table (`npx vitest run test/authorisation -u` rewrites it) and when',
    'a route of `infra/constructs/api.ts` has no row.',
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => {
      const route = routeOf(row.route);
      const name = route ? `\`${route.method} ${route.path}\` (${row.route})` : row.route;
      const cells = PRINCIPAL_KEYS.map((key) => cellText(row.cells[key]));
      return `| ${[name, row.target, ...cells].map(escapePipes).join(' | ')} |`;
    }),
    '',
    '## Who is who',
    '',
    '| principal | who |',
    '| --- | --- |',
    ...PRINCIPAL_KEYS.map((key) => `| ${key} | ${escapePipes(principals[key].description)} |`),
    '',
    '## Why a request is refused',
    '',
    '| reason | status | problem code | meaning |',
    '| --- | --- | --- | --- |',
    ...Object.entries(DENIALS).map(
      ([reason, d]) => `| ${reason} | ${d.status} | ${d.code ? `\`${d.code}\`` : '—'} | ${d.en} |`,
    ),
    '',
    'A 401 comes from the JWT authorizer, before any function runs, with API Gateway’s own body',
    '(`{"message":"Unauthorized"}`). Every 403 and 404 carries `problems` whose message and fix are',
    'in Thai and English. `get-upload` answers a stranger 404, not 403, so upload ids cannot be',
    'probed. The inbox lists only what the caller may decide: never another role’s step, another',
    'division’s item, another agency’s approvals, or what the caller uploaded.',
    '',
  ];
  return lines.join('\n');
}
