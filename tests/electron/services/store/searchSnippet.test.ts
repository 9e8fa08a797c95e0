import { describe, expect, it } from 'vitest';
import { searchSnippet, searchTerms } from '../../../../electron/services/store/searchSnippet';

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
});
