/**
 * "Newest first" for rounds: within a fiscal year the twelve-month round
 * (FY) is newer than the six-month one (H1), though "fy" sorts before "h1"
 * as text. One comparator serves the API's round list, the portal and the
 * public index.
 */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { PublishedEntry } from '../../shared/publish/published-entry.js';
import { renderIndexHtml } from '../../shared/publish/render-index-html.js';
import { type Caller, callerFromClaims } from '../../shared/workflow/caller.js';
import { listRounds } from '../../shared/workflow/list-rounds.js';
import { newestRoundFirst } from '../../shared/workflow/round-order.js';
import type { RoundListing } from '../../shared/workflow/round-record.js';
import { PortalApi } from '../../web/src/api/portal-api.js';

const listing = (roundId: string): RoundListing => {
  const [year, period] = roundId.split('-');
  return {
    agencyId: 'opdc',
    roundId,
    fiscalYear: Number(year),
    period: period === 'fy' ? 'FY' : 'H1',
    due: '2023-04-30',
    items: 6,
    openedAt: '2023-04-01T00:00:00.000Z',
  };
};

/** The order a key-sorted store (and the old text comparison) gives: h1 above fy. */
const AS_TEXT = ['2567-h1', '2566-h1', '2566-fy', '2565-fy', '2565-h1'];
const NEWEST_FIRST = ['2567-h1', '2566-fy', '2566-h1', '2565-fy', '2565-h1'];

describe('newestRoundFirst', () => {
  it('puts a fiscal year’s twelve-month round above its six-month round', () => {
    const sorted = AS_TEXT.map(listing).sort(newestRoundFirst);
    expect(sorted.map((r) => r.roundId)).toEqual(NEWEST_FIRST);
  });

  it('orders the API’s round list so', async () => {
    const caller = callerFromClaims({ sub: 'staff-1', 'cognito:groups': ['opdc:division:d1'] });
    const outcome = await listRounds(
      { rounds: { listRounds: async () => AS_TEXT.map(listing) } },
      caller as Caller,
      'opdc',
    );
    expect(outcome.kind === 'listed' && outcome.rounds.map((r) => r.roundId)).toEqual(NEWEST_FIRST);
  });

  it('orders the portal’s list so, whatever order the answer came in', async () => {
    // A plain HTTP server stands in for the API: only the order of its answer matters here.
    const server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ rounds: AS_TEXT.map(listing) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { rounds } = await new PortalApi(`http://127.0.0.1:${port}`, 'token').listRounds(
        'opdc',
      );
      expect(rounds.map((r) => r.roundId)).toEqual(NEWEST_FIRST);
    } finally {
      server.close();
    }
  });

  it('orders the public index so', () => {
    const entry = (fiscalYear: number, period: 'H1' | 'FY'): PublishedEntry => {
      const path = `reports/opdc/${fiscalYear}/${period}/v1/report`;
      return {
        agencyId: 'opdc',
        agencyNameTh: 'สำนักงาน ก.พ.ร.',
        fiscalYear,
        period,
        version: 1,
        publishedAt: '2023-05-01T00:00:00.000Z',
        paths: { json: `${path}.json`, pdf: `${path}.pdf`, html: `${path}.html` },
        sha256: { json: 'a'.repeat(64), pdf: 'b'.repeat(64), html: 'c'.repeat(64) },
      };
    };
    const html = renderIndexHtml([entry(2566, 'H1'), entry(2566, 'FY')]);
    expect(html.indexOf('/2566/FY/')).toBeGreaterThan(-1);
    expect(html.indexOf('/2566/FY/')).toBeLessThan(html.indexOf('/2566/H1/'));
  });
});
