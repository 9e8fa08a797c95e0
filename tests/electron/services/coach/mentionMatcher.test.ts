import { describe, expect, it } from 'vitest';
import { compileMentions, readPhrase, type SearchMeter } from '../../../../electron/services/coach/mentionMatcher';
import { mulberry32 } from '../../../../electron/services/demo/seededRandom';

/**
 * A playbook's mentions, matched as whole words or phrases in any case and spacing, from one trie
 * built once per playbook: no regular expression per mention (issue 9: 100 rules × 50 mentions held
 * the host 22.6 s making one per mention), and reading a text costs at most its length in tokens
 * times the longest mention's.
 */

function found(mentions: string[], text: string): string[] {
  const phrases = mentions.map(readPhrase);
  const keys = compileMentions(phrases).keysIn(text);
  return mentions.filter((_mention, index) => keys.has(phrases[index]!.key));
}

/** The regex the coach used to build per mention, as an oracle. */
function oracle(phrase: string): RegExp {
  const normal = phrase.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
  const body = normal.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+').replace(/'/g, "['\u2019]");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

describe('mentions in a customer’s text', () => {
  it('matches whole words and phrases in any case and spacing', () => {
    expect(found(['third time', 'refund', 'don’t', 'Ärger'], 'This is the THIRD\n  time. I DON\'T want a refund, only no ärger!')).toEqual([
      'third time',
      'refund',
      'don’t',
      'Ärger',
    ]);
    expect(found(['refund', 'time', 'LH'], 'Refunded in time2? lh-12')).toEqual(['LH']);
    expect(found(['again'], '')).toEqual([]);
  });

  it('keeps the edges of mentions that start or end with punctuation', () => {
    expect(found(['#order'], 'about my #order')).toEqual(['#order']);
    expect(found(['#order'], 'about abc#order')).toEqual([]);
    expect(found(['c++'], 'I code c++, daily')).toEqual(['c++']);
    expect(found(['c++'], 'I code c++x daily')).toEqual([]);
    expect(found(['LH-1234'], 'Order lh-1234.')).toEqual(['LH-1234']);
    expect(found(['e-mail'], 'an e - mail')).toEqual([]);
    expect(found([':('], 'still nothing :( sigh')).toEqual([':(']);
  });

  it('treats regex characters as plain text', () => {
    expect(found(['a.c', '(x)', '$5'], 'abc x $5')).toEqual(['$5']);
    expect(found(['a.c', '(x)'], 'a.c and (x)')).toEqual(['a.c', '(x)']);
  });

  it('agrees with the per-mention regex it replaces on two thousand small cases', () => {
    const next = mulberry32(4);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const parts = ['late', 'LATE', 'again', 'don', "'", '’', 't', '#', '-', ' ', '  ', '\n', 'x', '2', '.', 'é'];
    for (let n = 0; n < 2000; n++) {
      const mention = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(parts)).join('').trim();
      if (!mention) continue;
      const text = Array.from({ length: Math.floor(next() * 12) }, () => pick(parts)).join('');
      expect(found([mention], text).length === 1, `${JSON.stringify(mention)} in ${JSON.stringify(text)}`).toBe(oracle(mention).test(text));
    }
  });

  it('reads a text once for any number of mentions: steps ≤ tokens × the longest mention', () => {
    const mentions = Array.from({ length: 5000 }, (_, n) => `word${n % 100} again ${n}`);
    const matcher = compileMentions(mentions.map(readPhrase));
    const text = 'word7 again word7 again 4207 '.repeat(2000);
    const meter: SearchMeter = { steps: 0 };
    const keys = matcher.keysIn(text, meter);
    expect(keys).toEqual(new Set([readPhrase('word7 again 4207').key]));
    const tokens = 5 * 2000;
    expect(matcher.depth).toBe(3);
    expect(meter.steps).toBeLessThanOrEqual(tokens * matcher.depth);
  });
});
