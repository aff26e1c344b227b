/**
 * The merged search index, sharded. Every agency's index is its own file;
 * beside them sits one small map from each term to the agencies whose
 * reports hold it. The catalogue page fetches the map, splits a query into
 * its terms, and fetches only the indexes of the agencies that hold every
 * term (a rare word: one agency's file, not every agency's).
 *
 * The map is built from the merged index publishing already has in hand,
 * so it is always exactly the merged index's terms.
 */

import type { SearchIndexFile } from './search-index.js';

export interface SearchTermMap {
  /** Agency ids, in the order the merged index lists them. */
  agencies: string[];
  /** Term → ascending positions in `agencies`. */
  terms: Record<string, number[]>;
}

export function searchTermMap(merged: SearchIndexFile): SearchTermMap {
  const agencies = [...new Set(merged.parts.map((p) => p.key.agencyId))];
  const position = new Map(agencies.map((id, i) => [id, i]));
  const holders = new Map<string, Set<number>>();
  for (const part of merged.parts) {
    const at = position.get(part.key.agencyId) as number;
    for (const term of Object.keys(part.terms)) {
      const set = holders.get(term) ?? new Set<number>();
      set.add(at);
      holders.set(term, set);
    }
  }
  const terms = [...holders.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([term, set]) => [term, [...set].sort((a, b) => a - b)] as const);
  return { agencies, terms: Object.fromEntries(terms) };
}

/**
 * The agencies whose indexes can hold every term of `terms` (the query as
 * the engine split it against the map): the intersection of their lists.
 */
export function agenciesHolding(map: SearchTermMap, terms: readonly string[]): string[] {
  if (terms.length === 0) return [];
  let common: number[] | undefined;
  for (const term of terms) {
    const list = Object.hasOwn(map.terms, term) ? (map.terms[term] as number[]) : [];
    common = common ? common.filter((i) => list.includes(i)) : list;
  }
  return (common ?? []).map((i) => map.agencies[i] as string);
}
