/**
 * Outline numbers, derived from position (they are never stored):
 * level 1 "๑.๒.๓", level 2 "๓)", level 3 "๓.๑)", level 4 "(๑)".
 * Level 3 carries its parent's number, as the seed's "๑.๑)" under "๑)".
 */

import { thaiNumber } from '../thai/thai-digits.js';

/**
 * `position` holds the 1-based index of the point at each level, outermost
 * first; `itemNo` and `sectionNo` prefix level 1.
 */
export function pointLabel(itemNo: number, sectionNo: number, position: readonly number[]): string {
  const depth = position.length;
  const own = thaiNumber(position[depth - 1] ?? 0);
  switch (depth) {
    case 1:
      return `${thaiNumber(itemNo)}.${thaiNumber(sectionNo)}.${own}`;
    case 2:
      return `${own})`;
    case 3:
      return `${thaiNumber(position[1] ?? 0)}.${own})`;
    default:
      return `(${own})`;
  }
}

export function itemLabel(itemNo: number): string {
  return `${thaiNumber(itemNo)}.`;
}

export function sectionLabel(itemNo: number, sectionNo: number): string {
  return `${thaiNumber(itemNo)}.${thaiNumber(sectionNo)}`;
}
