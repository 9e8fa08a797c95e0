import { normaliseSpaces } from './coachWords';


/**
 * Finds which of a playbook's mentions ("third time", "refund", "don't") a customer's text holds,
 * as whole words or phrases in any case and spacing ("don't" also matches "don’t").
 *
 * Built once per playbook: every mention becomes a path of tokens in one trie, and a text is read
 * once, token by token, walking the trie from each token. The cost is the text's length times the
 * longest mention's length in tokens (at most a mention's length in characters), however many
 * mentions there are — no regular expression is made from a mention.
 *
 * Tokens are runs of letters and digits (words) and single other characters (punctuation), so the
 * boundaries are the ones a whole-word search has: a mention starting or ending with a word starts
 * or ends at a word's edge; one starting or ending with punctuation must not touch a letter or digit
 * there ("#order" does not match "abc#order").
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface Token {
  text: string;
  word: boolean;
  /** A space comes right before it. */
  spaced: boolean;
  /** How it follows the token before it in a phrase: "time" after a space is " time". */
  joined: string;
}

const token = (text: string, word: boolean, spaced: boolean): Token => ({ text, word, spaced, joined: spaced ? ` ${text}` : text });

function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(char);
}

/** A text's tokens, compared in one form: straight quotes, single spaces, lower case. One pass. */
function tokensOf(text: string): Token[] {
  const normal = normaliseSpaces(text).toLowerCase();
  const tokens: Token[] = [];
  let word = '';
  let spaced = false;
  let wordSpaced = false;
  for (const char of normal) {
    if (isWordChar(char)) {
      if (word === '') wordSpaced = spaced;
      word += char;
      spaced = false;
      continue;
    }
    if (word !== '') {
      tokens.push(token(word, true, wordSpaced));
      word = '';
    }
    if (char === ' ') spaced = true;
    else {
      tokens.push(token(char, false, spaced));
      spaced = false;
    }
  }
  if (word !== '') tokens.push(token(word, true, wordSpaced));
  return tokens;
}

/** A token as a step in a phrase: the first one's space before it does not count. */
const edge = (step: Token, first: boolean): string => (first ? step.text : step.joined);

/** A mention read into tokens, with its normal form. */
export interface Phrase {
  /** The same for every way of writing it that matches the same texts ("Don’t  know" and "don't know"). */
  key: string;
  tokens: readonly Token[];
}

export function readPhrase(text: string): Phrase {
  const tokens = tokensOf(text);
  return { key: tokens.map((step, index) => edge(step, index === 0)).join(''), tokens };
}

interface Node {
  next: Map<string, Node> | null;
  /** The key of the mention that ends here, if one does. */
  ends: string | null;
  /** That mention starts / ends with punctuation, so the text must not have a letter or digit right there. */
  opensWithMark: boolean;
  closesWithMark: boolean;
}

const newNode = (): Node => ({ next: null, ends: null, opensWithMark: false, closesWithMark: false });

/** Counts the trie steps a search takes (for tests that prove the cost is bounded by the text). */
export interface SearchMeter {
  steps: number;
}

export interface MentionMatcher {
  /** The keys (Phrase.key) of the mentions the text holds. */
  keysIn(text: string, meter?: SearchMeter): Set<string>;
  /** The longest mention, in tokens: a search takes at most this many steps per token of text. */
  readonly depth: number;
}

export function compileMentions(phrases: Iterable<Phrase>): MentionMatcher {
  const root = newNode();
  let depth = 0;
  for (const { key, tokens } of phrases) {
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) continue;
    let node = root;
    tokens.forEach((each, index) => {
      const step = edge(each, index === 0);
      node.next ??= new Map();
      let child = node.next.get(step);
      if (!child) {
        child = newNode();
        node.next.set(step, child);
      }
      node = child;
    });
    node.ends = key;
    node.opensWithMark = !first.word;
    node.closesWithMark = !last.word;
    depth = Math.max(depth, tokens.length);
  }

  return {
    depth,
    keysIn(text, meter) {
      const found = new Set<string>();
      if (!root.next) return found;
      const tokens = tokensOf(text);
      // a mark touching a letter or digit (no space between) is not at a word's edge
      const touches = (a: Token | undefined, b: Token | undefined) => !!a && !!b && !b.spaced && (a.word || b.word);
      for (let start = 0; start < tokens.length; start++) {
        let node: Node | undefined = root;
        for (let at = start; at < tokens.length && node?.next; at++) {
          if (meter) meter.steps++;
          const here: Token = tokens[at]!;
          node = node.next.get(edge(here, at === start));
          if (!node) break;
          if (node.ends === null || found.has(node.ends)) continue;
          if (node.opensWithMark && touches(tokens[start - 1], tokens[start])) continue;
          if (node.closesWithMark && touches(here, tokens[at + 1])) continue;
          found.add(node.ends);
        }
      }
      return found;
    },
  };
}
