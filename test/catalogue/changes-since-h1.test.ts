/** "Changed since H1": the outline lines that differ, and nothing else. */

import { describe, expect, it } from 'vitest';
import { changesSinceH1 } from '../../shared/workflow/changes-since-h1.js';
import { seedRound, seedSubmissions } from '../helpers/seed-round.js';

const item = seedRound().items[0];
const h1 = seedSubmissions()[0];
if (!item || !h1) throw new Error('seed fixture missing');
const points = h1.progress.points ?? [];

describe('Function: changesSinceH1', () => {
  it('lists nothing for an unchanged version', () => {
    expect(changesSinceH1(item, h1, structuredClone(h1))).toEqual([]);
  });

  it('lists an added point with its printed number', () => {
    const fy = {
      ...h1,
      progress: { ...h1.progress, points: [...points, { text: 'ผลรอบ ๑๒ เดือน' }] },
    };
    expect(changesSinceH1(item, h1, fy)).toEqual([
      { kind: 'added', after: `๑.๒.${'๐๑๒๓๔๕๖๗๘๙'[points.length + 1]} ผลรอบ ๑๒ เดือน` },
    ]);
  });

  it('lists a budget now spent as one changed line', () => {
    const changes = changesSinceH1(
      item,
      { ...h1, budgetUsed: 'none' },
      { ...h1, budgetUsed: '1250.50' },
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'changed' });
    expect(JSON.stringify(changes[0])).toContain('๑,๒๕๐.๕๐');
  });

  it('lists a removed recommendation', () => {
    const fy = { ...h1, recommendations: 'none' as const };
    const changes = changesSinceH1(
      item,
      { ...h1, recommendations: { paragraphs: ['ควรขยายผล'] } },
      fy,
    );
    expect(changes.map((c) => c.kind)).toEqual(['changed']);
    expect(changes[0]).toMatchObject({ before: 'ควรขยายผล' });
  });
});
