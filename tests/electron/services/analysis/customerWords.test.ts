import { describe, expect, it } from 'vitest';
import { customerWords, MAX_READ_CHARS } from '../../../../electron/services/analysis/text/customerWords';
import { textWindows, weightedMean } from '../../../../electron/services/analysis/text/textWindows';

describe('the customer’s own words', () => {
  it('reduces an HTML e-mail to its text without scripts, styles, images or quoted blocks', () => {
    const html = '<html><head><style>p{color:red}</style></head><body><p>My order is <b>late</b>.</p><script>alert(1)</script><img src="https://t.example/p.gif" alt="pixel"><blockquote>Our reply you quoted</blockquote></body></html>';
    expect(customerWords(html, 'email')).toEqual({ text: 'My order is late.', words: 4, truncated: false });
  });

  it('leaves quoted history and the signature out of an e-mail reply', () => {
    const body = 'Still nothing arrived.\n\nRegards,\nDaniel\n--\nDaniel Whitcombe\nSent from my iPhone\n\nOn Tue, 3 Mar 2026 at 10:14, Larkspur Home Support <support@larkspur.example> wrote:\n> Thank you for your order!\n> It will arrive on Friday.';
    const { text } = customerWords(body, 'email');
    expect(text).toContain('Still nothing arrived.');
    expect(text).not.toContain('Thank you for your order');
    expect(text).not.toContain('Sent from my iPhone');
  });

  it('keeps a chat line as it is, emoji and all', () => {
    expect(customerWords('  its been 2 weeks!!   😡 ', 'chat')).toEqual({ text: 'its been 2 weeks!! 😡', words: 4, truncated: false });
  });

  it('reads nothing from an empty or blank body', () => {
    expect(customerWords('', 'chat').words).toBe(0);
    expect(customerWords(' \n\t ', 'email')).toEqual({ text: '', words: 0, truncated: false });
  });

  it('reads only the start of a 1 MB body, and says so', () => {
    const huge = 'I am really unhappy about this. '.repeat(33_000);
    const read = customerWords(huge, 'email');
    expect(read.truncated).toBe(true);
    expect(read.text.length).toBeLessThanOrEqual(MAX_READ_CHARS);
  });
});

describe('windows within a token limit', () => {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

  it('keeps a short text whole', () => {
    expect(textWindows('One. Two.', 10, words)).toEqual(['One. Two.']);
  });

  it('splits on sentences, and cuts a sentence longer than the limit on words', () => {
    const text = 'First short one. ' + 'word '.repeat(25) + 'end. Last.';
    const windows = textWindows(text, 10, words);
    expect(windows.every((w) => words(w) <= 10)).toBe(true);
    expect(windows.join(' ').split(/\s+/).length).toBe(text.trim().split(/\s+/).length);
    expect(windows[0]!.startsWith('First short one.')).toBe(true);
    expect(windows.at(-1)!.endsWith('end. Last.')).toBe(true);
  });

  it('averages window readings by their length', () => {
    expect(weightedMean([{ a: 1, b: 0 }, { a: 0, b: 1 }], [3, 1])).toEqual({ a: 0.75, b: 0.25 });
  });
});
