/**
 * What changed in a plan item since its approved H1 version: the view an
 * approver sees before approving the FY version. Both are rendered into the
 * report's own outline lines (labels and wording as printed) and compared
 * line by line (longest common subsequence), so a change is reported where
 * a reader would see it, and an unchanged line is never listed.
 */

import { blockText } from '../report/render-report-text.js';
import { itemBlocks } from '../report/report-blocks.js';
import type { PlanItemValue } from '../schemas/round-schema.js';
import type { ItemContent } from '../schemas/submission-schema.js';

export type LineChange =
  | { kind: 'added'; after: string }
  | { kind: 'removed'; before: string }
  | { kind: 'changed'; before: string; after: string };

function lines(item: PlanItemValue, content: ItemContent): string[] {
  return [...itemBlocks({ ...item, ...content })].map(blockText);
}

export function changesSinceH1(
  item: PlanItemValue,
  h1: ItemContent,
  fy: ItemContent,
): LineChange[] {
  const a = lines(item, h1);
  const b = lines(item, fy);
  // lcs(i, j): length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const table = new Array<number>((a.length + 1) * width).fill(0);
  const lcs = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * width + j] =
        a[i] === b[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
    }
  }
  const raw: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || lcs(i + 1, j) >= lcs(i, j + 1))) {
      // Removals first, so a replaced line reads as removed-then-added: one change.
      raw.push({ kind: 'removed', before: a[i] as string });
      i += 1;
    } else {
      raw.push({ kind: 'added', after: b[j] as string });
      j += 1;
    }
  }
  // A line removed and one added in its place read as one changed line.
  const changes: LineChange[] = [];
  for (const change of raw) {
    const last = changes.at(-1);
    if (change.kind === 'added' && last?.kind === 'removed') {
      changes[changes.length - 1] = { kind: 'changed', before: last.before, after: change.after };
    } else changes.push(change);
  }
  return changes;
}
