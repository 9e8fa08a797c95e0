import { describe, expect, it } from 'vitest';
import { exactMatch, fold, searchSnippet, searchTerms, type SearchTerm, type TermMatcher } from '../../../../electron/services/store/searchSnippet';

const shown = (snippet: string) => snippet.replaceAll('\u0002', '[').replaceAll('\u0003', ']');

describe('search snippets', () => {
  it('reads the typed words as the index does: folded, the last one a prefix unless followed by a space', () => {
    expect(searchTerms('Crème brûl')).toEqual([
      { word: 'creme', prefix: false },
      { word: 'brul', prefix: true },
    ]);
    expect(searchTerms('refund ')).toEqual([{ word: 'refund', prefix: false }]);
    expect(searchTerms('"charged twice"')).toEqual([
      { word: 'charged', prefix: false },
      { word: 'twice', prefix: false },
    ]);
  });

  it('marks every match in the stretch that holds the most different searched words', () => {
    const text =
      'Hello, I wrote about the order last week. Nobody answered and I am still waiting. ' +
      'Today the courier left my sofa in the rain and the sofa is soaked through, the cushions are ruined and I want a refund please.';
    expect(shown(searchSnippet(text, searchTerms('sofa refu')))).toBe('…rain and the [sofa] is soaked through, the cushions are ruined and I want a [refund]…');
  });

  it('shows the start of a short text whole, and cuts a long one with ellipses at both ends', () => {
    expect(shown(searchSnippet('Thanks, the Café lamp arrived!', searchTerms('cafe')))).toBe('Thanks, the [Café] lamp arrived!');
    const long = `${'word '.repeat(40)}needle ${'word '.repeat(40)}`;
    const snippet = shown(searchSnippet(long, searchTerms('needle ')));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('[needle]');
    expect(snippet.split(' ').length).toBeLessThanOrEqual(17);
  });

  it('picks the same stretch as scoring every window afresh would, in long texts with accents and repeats', () => {
    // the stretch each window start would score on its own (what the sliding count must equal)
    const TOKEN = /[\p{L}\p{N}\p{Co}]+|[\p{So}\p{Sk}]+/gu;
    const slow = (text: string, terms: SearchTerm[]) => {
      const tokens = [...text.matchAll(TOKEN)].map((match) => terms.findIndex((term) => (term.prefix ? fold(match[0]).startsWith(term.word) : fold(match[0]) === term.word)));
      let best = 0;
      let bestScore = -1;
      for (let start = 0; start < Math.max(1, tokens.length - 16 + 1); start++) {
        const window = tokens.slice(start, start + 16).filter((term) => term >= 0);
        const score = new Set(window).size * 100 + window.length;
        if (score > bestScore) [best, bestScore] = [start, score];
        if (tokens[start]! >= 0 && new Set(window).size === terms.length) break;
      }
      return { best, bestScore };
    };
    const words = ['refund', 'Refunds', 'crème', 'CRÈME', 'brûlée', 'order', 'the', 'sofa', 'Ünïcode', 'déjà', 'vu', 'parcel', '😞', 'and'];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 120) }, () => words[Math.floor(next() * words.length)]).join(next() < 0.5 ? ' ' : ', ');
      const typed = [words[Math.floor(next() * words.length)], words[Math.floor(next() * words.length)]].join(' ');
      const terms = searchTerms(typed);
      const snippet = searchSnippet(text, terms);
      const { best } = slow(text, terms);
      // the snippet shows the best window's first match (a few words before it at most)
      const tokens = [...text.matchAll(TOKEN)];
      const matchAt = tokens.slice(best, best + 16).findIndex((match) => terms.some((term) => (term.prefix ? fold(match[0]).startsWith(term.word) : fold(match[0]) === term.word)));
      if (matchAt >= 0) expect(snippet, `${typed} in ${text}`).toContain(`\u0002${tokens[best + matchAt]![0]}\u0003`);
    }
  });

  it('folds plain words and accented ones as the index does', () => {
    expect(['Refund', 'CRÈME', 'brûlée', 'Ünïcode', 'déjà', 'ǅemal', 'ÅNGSTRÖM'].map(fold)).toEqual(['refund', 'creme', 'brulee', 'unicode', 'deja', 'ǆemal', 'angstrom']);
  });

  it('folds and compares only the words that start as a searched word does (a long e-mail is mostly other words)', () => {
    const compared: string[] = [];
    const counting: TermMatcher = (folded, term) => {
      compared.push(folded);
      return exactMatch(folded, term);
    };
    const text = `Dear team, the Sofa arrived. ${'Another line of words nobody searched for. '.repeat(50)}Über-sofa, Ünd 😞 so on.`;
    expect(shown(searchSnippet(text, searchTerms('sofa '), counting))).toContain('[Sofa]');
    // the words starting with "s" or "S", and those only folding can tell (accented, emoji)
    expect([...new Set(compared)].sort()).toEqual(['searched', 'so', 'sofa', 'uber', 'und', '😞'].sort());
  });
});
