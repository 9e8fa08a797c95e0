import type Database from 'better-sqlite3';
import type { ParsedSearch } from './searchQuery';
import type { SearchStems } from './searchStems';

/** A prefix that starts more of the index's words than this is left to FTS5 as it is. */
export const MAX_PREFIX_TERMS = 32;

const quoted = (word: string) => `"${word.replaceAll('"', '""')}"`;

/**
 * The last word typed is searched as the start of a word ("refu" finds "refund"). FTS5 answers a
 * prefix by merging, for the whole index, the lists of every word it starts before it can take the
 * newest matches: for a common start ("you" in "thank you") that is most of a search's time. The
 * index's words that start so are usually few, and the same search written as "any of them" is
 * read lazily, newest first, like any word. So the prefix is spelled out as the words it starts
 * (those the index holds, from its vocabulary), when there are at most MAX_PREFIX_TERMS of them
 * and each is a word the tokenizer leaves as it is; otherwise FTS5's prefix query is used as typed.
 */
export function createPrefixSpelling(db: Database.Database, stems: SearchStems) {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.messages_fts_terms USING fts5vocab('main', 'messages_fts', 'row')");
  const termsStarting = db.prepare<[string, string, number], string>('SELECT term FROM temp.messages_fts_terms WHERE term >= ? AND term < ? LIMIT ?').pluck();

  /** The message index's query for `parsed`, with its last word's prefix spelled out where that helps. */
  return function spelled(parsed: ParsedSearch): string | null {
    const words = parsed.words;
    const last = parsed.terms.filter((term) => !term.emoji).at(-1);
    if (!words || !last?.prefix || !words.endsWith('*')) return words;
    const [start] = stems.stemsOf([last.word]);
    if (!start) return words;
    const terms = termsStarting.all(start, `${start}\u{10ffff}`, MAX_PREFIX_TERMS + 1).filter((term) => term.startsWith(start));
    // none (FTS5 finds nothing, quickly) or too many: as typed
    if (terms.length === 0 || terms.length > MAX_PREFIX_TERMS) return words;
    // a word of the index the query's tokenizer would change again cannot be spelled out
    if (stems.stemsOf(terms).some((stem, index) => stem !== terms[index])) return words;
    // the query ends with the prefix word, "word"*
    const before = words.slice(0, words.lastIndexOf('"', words.length - 3)).trimEnd();
    const any = `(${terms.map(quoted).join(' OR ')})`;
    return before ? `${before} AND ${any}` : any;
  };
}
