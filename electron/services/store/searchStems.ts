import type Database from 'better-sqlite3';
import { firstLetterFilter, fold, type SearchTerm, type TermMatcher } from './searchSnippet';

const MAX_CACHED = 50_000;

/**
 * Word forms as the search index sees them, remembered: the index's own stemmer is asked for the
 * stem of each word (SQLite's porter tokenizer, PostgreSQL's snowball dictionary), so what is marked
 * in a snippet is exactly what the index matched — "refunds" marks "refunded" — with no second
 * stemmer to drift from it. `lookUp` gives the stems of folded words, in order.
 */
export function createStemMatcher<R extends string[] | Promise<string[]>>(lookUp: (words: string[]) => R) {
  const cache = new Map<string, string>();

  /** Remembers the stems of these (folded) words; then `then` runs (at once when all are known). */
  function stems<T>(words: Iterable<string>, then: () => T): T | Promise<T> {
    const missing = [...new Set(words)].filter((word) => !cache.has(word));
    if (!missing.length) return then();
    const remember = (found: string[]) => {
      if (cache.size + missing.length > MAX_CACHED) cache.clear();
      found.forEach((stem, index) => cache.set(missing[index]!, stem));
      return then();
    };
    const found = lookUp(missing);
    return found instanceof Promise ? found.then(remember) : remember(found);
  }

  /** Every word of the texts that could share a stem with a term (a stem only ever changes a word's ending). */
  function candidates(termStems: Map<string, string>, texts: readonly string[]): Set<string> {
    const starts = [...termStems.values()].map((stem) => stem.slice(0, Math.max(1, stem.length - 1)));
    const mayShare = firstLetterFilter(starts);
    const found = new Set<string>();
    for (const text of texts) {
      for (const match of text.matchAll(/[\p{L}\p{N}\p{Co}]+/gu)) {
        if (!mayShare(match[0])) continue;
        const folded = fold(match[0]);
        if (starts.some((start) => folded.startsWith(start))) found.add(folded);
      }
    }
    return found;
  }

  const matcher = (termStems: Map<string, string>): TermMatcher => (folded, term) => {
    if (term.emoji) return folded.includes(term.word);
    const stem = cache.get(folded) ?? folded;
    const wanted = termStems.get(term.word) ?? term.word;
    return term.prefix ? stem.startsWith(wanted) || folded.startsWith(term.word) : stem === wanted;
  };

  return {
    /** The stem of each (folded) word, as the index's tokenizer makes it. */
    stemsOf(words: readonly string[]): R extends Promise<string[]> ? Promise<string[]> : string[] {
      return stems(words, () => words.map((word) => cache.get(word) ?? word)) as never;
    },
    /**
     * A matcher for the terms over these texts: each word of the texts that could share a stem
     * with a term is stemmed first (in one look-up), then words match by stem as the index does.
     */
    matcherFor(terms: readonly SearchTerm[], texts: readonly string[]): R extends Promise<string[]> ? Promise<TermMatcher> : TermMatcher {
      const words = terms.filter((term) => !term.emoji).map((term) => term.word);
      return stems(words, () => {
        const termStems = new Map(words.map((word) => [word, cache.get(word)!]));
        return stems(candidates(termStems, texts), () => matcher(termStems));
      }) as never;
    },
  };
}

/** SQLite's porter tokenizer, asked through a private in-memory FTS5 table and its vocabulary. */
export function createSearchStems(db: Database.Database) {
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_stem_probe USING fts5(word, tokenize = 'porter unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_stem_terms USING fts5vocab('temp', 'search_stem_probe', 'instance');
  `);
  const clear = db.prepare('DELETE FROM temp.search_stem_probe');
  const insert = db.prepare<[number, string]>('INSERT INTO temp.search_stem_probe(rowid, word) VALUES (?, ?)');
  const read = db.prepare<[], { doc: number; term: string }>('SELECT doc, term FROM temp.search_stem_terms');
  const lookUp = db.transaction((words: string[]) => {
    clear.run();
    words.forEach((word, index) => insert.run(index + 1, word));
    const found = new Map(read.all().map((row) => [row.doc, row.term]));
    clear.run();
    return words.map((word, index) => found.get(index + 1) ?? word);
  });
  return createStemMatcher((words: string[]) => lookUp(words));
}

export type SearchStems = ReturnType<typeof createSearchStems>;
