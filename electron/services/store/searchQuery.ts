import { fold, type SearchTerm } from './searchSnippet';

/**
 * What a person typed, as queries for the search indexes that can never be an FTS5 syntax error:
 * every word must appear (in any form: the indexes stem them), in any order; the last word may be
 * the start of a word; text in double quotes is a phrase; emoji are looked up in their own index;
 * and something that looks like a phone number is also looked up among customers' numbers.
 */
export interface ParsedSearch {
  /** The words, for the message index and the conversations' subject, name and address columns; null when there are none. */
  words: string | null;
  /** The emoji, for the emoji index; null when there are none. */
  emoji: string | null;
  /** A phone number's possible endings, for the conversations' phones column; null unless it looks like one. */
  phone: string | null;
  /** Each word and emoji as typed (folded), for marking matches. */
  terms: SearchTerm[];
  /** The same query as parts, for an index with another syntax: phrases (in order), words (the last perhaps a prefix), emoji. */
  parts: { phrases: string[][]; words: { word: string; prefix: boolean }[]; emoji: string[]; phoneEndings: string[] | null };
}

/** unicode61's word characters (letters, numbers, private use) and, for the emoji index, its symbols. */
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;
const EMOJI = /[\p{So}\p{Sk}]+/gu;
const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;
const MIN_PHONE_DIGITS = 5;

const quoted = (word: string) => `"${word.replaceAll('"', '""')}"`;

/** The endings of a typed number that a stored number may end with (see the migration's phone forms). */
export function phoneEndings(typed: string): string[] | null {
  const trimmed = typed.trim();
  if (!PHONE_LIKE.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS) return null;
  const international = trimmed.startsWith('+') || digits.startsWith('00');
  if (digits.startsWith('00')) digits = digits.slice(2);
  const endings = new Set([digits]);
  // +44 7700 900123: stored numbers may be written without the country code (one to three digits)
  if (international) for (let drop = 1; drop <= 3 && digits.length - drop >= MIN_PHONE_DIGITS; drop++) endings.add(digits.slice(drop));
  // 07700 900123: the trunk 0 is not part of an international number
  else if (digits.startsWith('0') && digits.length - 1 >= MIN_PHONE_DIGITS) endings.add(digits.slice(1));
  return [...endings];
}

export function parseSearch(typed: string): ParsedSearch {
  const parts: string[] = [];
  const terms: SearchTerm[] = [];
  const phrases: string[][] = [];
  const plain: { word: string; prefix: boolean }[] = [];
  let rest = typed;
  for (const match of typed.matchAll(/"([^"]*)"/g)) {
    const words = match[1]!.match(WORD);
    if (words) {
      parts.push(quoted(words.join(' ')));
      phrases.push(words);
      terms.push(...words.map((word) => ({ word: fold(word), prefix: false })));
    }
    rest = rest.replace(match[0], ' ' + (match[1]!.match(EMOJI) ?? []).join(' ') + ' ');
  }
  // an unbalanced quote is just a character
  rest = rest.replaceAll('"', ' ');
  const words = rest.match(WORD) ?? [];
  const endsOpen = !/\s$/.test(typed) && !typed.trimEnd().endsWith('"');
  const lastWordAt = endsOpen ? [...rest.matchAll(WORD)].at(-1)?.index : undefined;
  const lastIsWord = lastWordAt !== undefined && lastWordAt + words.at(-1)!.length === rest.trimEnd().length;
  words.forEach((word, index) => {
    const prefix = lastIsWord && index === words.length - 1;
    parts.push(prefix ? `${quoted(word)}*` : quoted(word));
    plain.push({ word, prefix });
    terms.push({ word: fold(word), prefix });
  });
  const emoji = [...new Set(rest.match(EMOJI) ?? [])];
  terms.push(...emoji.map((symbol) => ({ word: symbol, prefix: true, emoji: true })));
  const endings = phoneEndings(typed);
  return {
    words: parts.length ? parts.join(' ') : null,
    // a run of emoji is one word in its index: "😞"* also finds "😞😞"
    emoji: emoji.length ? emoji.map((symbol) => `${quoted(symbol)}*`).join(' ') : null,
    phone: endings ? `phones : (${endings.map((ending) => `${quoted(ending)}*`).join(' OR ')})` : null,
    terms,
    parts: { phrases, words: plain, emoji, phoneEndings: endings },
  };
}
