/** The sharded merged search index's term map, on plain data (two agencies' seed-built parts). */

import { describe, expect, it } from 'vitest';
import { searchPart, withPart } from '../../shared/catalogue/search-index.js';
import { agenciesHolding, searchTermMap } from '../../shared/catalogue/search-term-map.js';
import { thaiSearchEngine } from '../../shared/catalogue/thai-search-engine.js';
import { buildReport } from '../../shared/report/build-report.js';
import { seedReport } from '../helpers/seed-round.js';
import { SECOND_AGENCY, secondAgencyRound, UNIQUE_QUERY } from './second-agency.js';

const engine = thaiSearchEngine();
const opdc = searchPart(seedReport(), 'reports/opdc/2566/H1/v1/index.html', 1);
const second = secondAgencyRound();
const built = buildReport(second.round, second.submissions);
if (!built.ok) throw new Error('the second agency does not build');
const dga = searchPart(built.value, 'reports/dga/2566/H1/v1/index.html', 1);
const map = searchTermMap(withPart(withPart({ parts: [] }, dga), opdc));

const holders = (query: string) => {
  const terms = engine.splitQuery(query, (t) => Object.hasOwn(map.terms, t));
  return terms ? agenciesHolding(map, terms) : [];
};

describe('Function: searchTermMap', () => {
  it('lists each agency once, in the merged index order, and every term of every part', () => {
    expect(map.agencies).toEqual([SECOND_AGENCY.id, 'opdc'].sort());
    for (const term of [...Object.keys(opdc.terms), ...Object.keys(dga.terms)]) {
      expect(Object.hasOwn(map.terms, term), term).toBe(true);
    }
    for (const list of Object.values(map.terms)) {
      expect(list).toEqual([...new Set(list)].sort((a, b) => a - b));
    }
  });

  it('sends a phrase only one agency wrote to that agency, and a word both use to both', () => {
    expect(holders(UNIQUE_QUERY)).toEqual([SECOND_AGENCY.id]);
    expect(holders('การดำเนินงาน')).toEqual(map.agencies);
  });

  it('sends a query with a word nobody wrote nowhere', () => {
    expect(holders('ไดโนเสาร์')).toEqual([]);
    expect(agenciesHolding(map, [])).toEqual([]);
  });
});
