import { SEARCH_MARK_END, SEARCH_MARK_START } from '../../../shared/contract/domain';

/** A word someone searched for; the last one typed may be the start of a word. */
export interface SearchTerm {
  word: string;
  prefix: boolean;
  /** An emoji (a run of symbols is one word in the emoji index). */
  emoji?: boolean;
}

/** Whether a word of the text (folded) is a match for a searched term. */
export type TermMatcher = (folded: string, term: SearchTerm) => boolean;

const WORD = /[\p{L}\p{N}]+/gu;
/** The words of a text as the indexes see them: letters and numbers, and runs of symbols (emoji). */
const TOKEN = /[\p{L}\p{N}\p{Co}]+|[\p{So}\p{Sk}]+/gu;

/** The same word, or its start for the last word typed; an emoji anywhere in a run of them. */
export const exactMatch: TermMatcher = (folded, term) =>
  term.emoji ? folded.includes(term.word) : term.prefix ? folded.startsWith(term.word) : folded === term.word;

const PLAIN = /^[ -~]*$/;

/**
 * Whether a word of the text could be a match for one of the terms, by its first character alone: a
 * match always starts with its term's first letter (stemming only ever changes a word's ending), and
 * a word that starts with a plain ASCII character folds to that character in lower case. Most words
 * of a long e-mail are told apart here, without being folded and compared with every term.
 */
export function firstLetterFilter(starts: Iterable<string>): (word: string) => boolean {
  const wanted = new Set<number>();
  for (const start of starts) wanted.add(start.charCodeAt(0));
  return (word) => {
    const code = word.charCodeAt(0);
    // an accented letter, a symbol (emoji): only folding tells
    if (code >= 128) return true;
    return wanted.has(code >= 65 && code <= 90 ? code + 32 : code);
  };
}

/** Lower case without accents, as the search index compares words (unicode61, remove_diacritics 2). */
export const fold = (word: string) =>
  // plain ASCII has no accents to take off (most words: the normalising is most of a search's snippet time)
  PLAIN.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of what was typed, as the index will match them (phrases count word by word here). */
export function searchTerms(typed: string): SearchTerm[] {
  const words = typed.replaceAll('"', ' ').match(WORD) ?? [];
  const lastIsPrefix = !/\s$/.test(typed) && !typed.trimEnd().endsWith('"');
  return words.map((word, index) => ({ word: fold(word), prefix: lastIsPrefix && index === words.length - 1 }));
}

const SPAN = 16;

/**
 * A short piece of the text around the searched words, with each match between the marks the
 * renderer turns into highlights: the 16-word stretch holding the most different searched words.
 */
export function searchSnippet(text: string, terms: readonly SearchTerm[], matches: TermMatcher = exactMatch): string {
  const mayMatch = firstLetterFilter(terms.filter((term) => !term.emoji).map((term) => term.word));
  const tokens = [...text.matchAll(TOKEN)].map((match) => {
    const word = match[0];
    let term = -1;
    if (mayMatch(word)) {
      const folded = fold(word);
      term = terms.findIndex((t) => matches(folded, t));
    }
    return { start: match.index, end: match.index + word.length, term };
  });
  if (tokens.length === 0) return text.slice(0, 200);

  // each stretch of SPAN words scored by how many different terms it holds, then how many matches:
  // the window slides a word at a time, counting what enters and leaves it (a long e-mail has thousands)
  let bestStart = 0;
  let bestScore = -1;
  const inWindow = new Array<number>(terms.length).fill(0);
  let found = 0;
  let hits = 0;
  const enter = (term: number) => {
    if (term < 0) return;
    if ((inWindow[term] = inWindow[term]! + 1) === 1) found++;
    hits++;
  };
  const leave = (term: number) => {
    if (term < 0) return;
    if (--inWindow[term]! === 0) found--;
    hits--;
  };
  for (let index = 0; index < Math.min(SPAN, tokens.length); index++) enter(tokens[index]!.term);
  for (let start = 0; start < Math.max(1, tokens.length - SPAN + 1); start++) {
    if (start > 0) {
      leave(tokens[start - 1]!.term);
      if (start + SPAN - 1 < tokens.length) enter(tokens[start + SPAN - 1]!.term);
    }
    const score = found * 100 + hits;
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
    if (tokens[start]!.term >= 0 && found === terms.length) break;
  }
  // begin a few words before the first match, so it reads in context
  const firstMatch = tokens.slice(bestStart, bestStart + SPAN).findIndex((token) => token.term >= 0);
  const from = Math.max(0, Math.min(bestStart + Math.max(0, firstMatch) - 3, tokens.length - SPAN));
  const shown = tokens.slice(from, from + SPAN);
  const cutStart = from === 0 ? 0 : shown[0]!.start;
  const cutEnd = from + SPAN >= tokens.length ? text.length : shown[shown.length - 1]!.end;
  let out = '';
  let at = cutStart;
  for (const token of shown) {
    if (token.term < 0) continue;
    out += text.slice(at, token.start) + SEARCH_MARK_START + text.slice(token.start, token.end) + SEARCH_MARK_END;
    at = token.end;
  }
  out += text.slice(at, cutEnd);
  return `${cutStart > 0 ? '…' : ''}${out.replace(/\s+/g, ' ').trim()}${cutEnd < text.length ? '…' : ''}`;
}

/** A short text (a subject, a name, an address) whole, with its matching words marked; null when none matches. */
export function markMatches(text: string, terms: readonly SearchTerm[], matches: TermMatcher = exactMatch): string | null {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    const folded = fold(match[0]);
    if (!terms.some((term) => matches(folded, term))) continue;
    out += text.slice(at, match.index) + SEARCH_MARK_START + match[0] + SEARCH_MARK_END;
    at = match.index + match[0].length;
  }
  return at === 0 ? null : out + text.slice(at);
}
