/**
 * The search the catalogue pages run in the browser, and the normalisation
 * the index is built with at publish time: one function, so what the
 * publisher stores and what the page looks up can never drift apart.
 *
 * It is self-contained on purpose (no imports, no outer names): the page
 * gets it as `(${thaiSearchEngine})()`, its own source text, so it must not
 * lean on anything a bundler would keep outside it.
 *
 * Terms are normalised as a reader types them: NFKC (so ำ typed as ํ + า is
 * the same letter), lower case, Thai digits as Arabic, and without the four
 * tone marks (่ ้ ๊ ๋), so a query with or without them finds the same words.
 * The query is not segmented with Intl.Segmenter: a dictionary segmenter
 * cuts a toneless word differently from the toned one the index was built
 * from. It is split instead into the index's own terms (fewest pieces),
 * which finds the words whichever way they were typed.
 */

/** An index: documents (plan items of published reports) and, per term, the documents holding it. */
export interface SearchIndexData {
  /** Each document: [report number in `reports`, plan item number, item title]. */
  docs: Array<[number, number, string]>;
  reports: Array<{ href: string; title: string; agency: string }>;
  /** Term → ascending document numbers. */
  terms: Record<string, number[]>;
}

export interface SearchHit {
  report: { href: string; title: string; agency: string };
  itemNo: number;
  itemTitle: string;
}

export interface ThaiSearchEngine {
  normaliseTerm(text: string): string;
  splitQuery(query: string, has: (term: string) => boolean): string[] | undefined;
  search(index: SearchIndexData, query: string, limit: number): SearchHit[];
}

export function thaiSearchEngine(): ThaiSearchEngine {
  const LONGEST_TERM = 40;
  function normaliseTerm(text: string): string {
    return text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
      .replace(/[\u0e48-\u0e4b]/g, '');
  }
  /** The query as index terms, fewest pieces first; undefined when some part is in no document. */
  function splitQuery(query: string, has: (term: string) => boolean): string[] | undefined {
    const parts: string[] = [];
    for (const word of normaliseTerm(query).split(/[\s,.;:()"'“”‘’!?/\\-]+/u)) {
      if (!word) continue;
      // best[i]: the fewest terms that spell word[0, i).
      const best: Array<string[] | undefined> = [[]];
      for (let end = 1; end <= word.length; end += 1) {
        for (let start = Math.max(0, end - LONGEST_TERM); start < end; start += 1) {
          const before = best[start];
          const piece = word.slice(start, end);
          if (!before || !has(piece)) continue;
          const candidate = [...before, piece];
          const current = best[end];
          if (!current || candidate.length < current.length) best[end] = candidate;
        }
      }
      const found = best[word.length];
      if (!found) return undefined;
      parts.push(...found);
    }
    return parts;
  }
  function intersect(a: number[], b: number[]): number[] {
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const x = a[i] as number;
      const y = b[j] as number;
      if (x === y) {
        out.push(x);
        i += 1;
        j += 1;
      } else if (x < y) i += 1;
      else j += 1;
    }
    return out;
  }
  function search(index: SearchIndexData, query: string, limit: number): SearchHit[] {
    const has = (term: string) => Object.hasOwn(index.terms, term);
    const terms = splitQuery(query, has);
    if (!terms || terms.length === 0) return [];
    // Rarest term first keeps every intersection small.
    const lists = terms
      .map((term) => index.terms[term] as number[])
      .sort((a, b) => a.length - b.length);
    let docs = lists[0] as number[];
    for (const list of lists.slice(1)) docs = intersect(docs, list);
    return docs.slice(0, limit).map((d) => {
      const [report, itemNo, itemTitle] = index.docs[d] as [number, number, string];
      return { report: index.reports[report] as SearchHit['report'], itemNo, itemTitle };
    });
  }
  return { normaliseTerm, splitQuery, search };
}
