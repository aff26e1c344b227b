/** The catalogue search's normalisation and query splitting, on plain data. */

import { describe, expect, it } from 'vitest';
import { indexTerms, searchPart } from '../../shared/catalogue/search-index.js';
import { thaiSearchEngine } from '../../shared/catalogue/thai-search-engine.js';
import { seedReport } from '../helpers/seed-round.js';

const engine = thaiSearchEngine();
const part = searchPart(seedReport(), 'reports/opdc/2566/H1/v1/index.html', 1);

describe('Function: thaiSearchEngine', () => {
  it.each([
    ['Thai digits become Arabic', '๒๕๖๖', '2566'],
    ['tone marks are dropped', 'ที่น้ำ', 'ทีนํา'],
    ['sara am typed as nikhahit + sara aa is the same letter', 'นํ้า', 'นํา'],
    ['Latin is lower-cased', 'CPI', 'cpi'],
  ])('normalises terms: %s', (_, typed, term) => {
    expect(engine.normaliseTerm(typed)).toBe(term);
  });

  it('splits a toneless query into the index’s own words', () => {
    const has = (t: string) => Object.hasOwn(part.terms, t);
    expect(engine.splitQuery('ความกาวหนา', has)).toEqual(['ความ', 'กาวหนา']);
    expect(engine.splitQuery('ครั้งที่ ๑', has)).toEqual(['ครัง', 'ที', '1']);
    expect(engine.splitQuery('ไดโนเสาร์', has)).toBeUndefined();
  });

  it('finds the same items with or without tone marks, Thai or Arabic digits', () => {
    const typed = engine.search(part, 'ครั้งที่ ๑', 50).map((h) => h.itemNo);
    expect(typed.length).toBeGreaterThan(0);
    expect(engine.search(part, 'ครังที 1', 50).map((h) => h.itemNo)).toEqual(typed);
  });

  it('finds nothing when one word is in no item, rather than matching the rest', () => {
    expect(engine.search(part, 'การประชุม', 50).length).toBeGreaterThan(0);
    expect(engine.search(part, 'การประชุม ไดโนเสาร์', 50)).toEqual([]);
  });

  it('indexes words at Intl.Segmenter boundaries, normalised', () => {
    expect(indexTerms('การประชุมครั้งที่ ๒')).toEqual(['การ', 'ประชุม', 'ครัง', 'ที', '2']);
  });
});
