/** Which six-month round the coordinator is offered to continue as the annual round. */

import { describe, expect, it } from 'vitest';
import type { RoundListing } from '../../shared/workflow/round-record.js';
import { h1WithoutFy } from '../../web/src/coordinator/fy-offer.js';

const listing = (fiscalYear: number, period: 'H1' | 'FY'): RoundListing => ({
  agencyId: 'opdc',
  roundId: `${fiscalYear}-${period.toLowerCase()}`,
  fiscalYear,
  period,
  due: `${fiscalYear - 543}-04-30`,
  items: 6,
  openedAt: '2023-01-01T00:00:00Z',
});

describe('Function: h1WithoutFy', () => {
  it('offers the newest H1 whose annual round is not open', () => {
    expect(h1WithoutFy([listing(2567, 'H1'), listing(2566, 'H1')])?.roundId).toBe('2567-h1');
  });

  it('passes over a year whose annual round is open, to an older one that has none', () => {
    const rounds = [listing(2567, 'FY'), listing(2567, 'H1'), listing(2566, 'H1')];
    expect(h1WithoutFy(rounds)?.roundId).toBe('2566-h1');
  });

  it('offers nothing when every H1 has its annual round, or there is no H1', () => {
    expect(h1WithoutFy([listing(2566, 'FY'), listing(2566, 'H1')])).toBeUndefined();
    expect(h1WithoutFy([listing(2566, 'FY')])).toBeUndefined();
    expect(h1WithoutFy([])).toBeUndefined();
  });
});
