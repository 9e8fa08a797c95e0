import { describe, expect, it } from 'vitest';
import { htmlToText, MAX_HTML_DEPTH, nestingDepth, stripTags } from '../../../../electron/services/common/htmlToText';
import { customerWords } from '../../../../electron/services/analysis/text/customerWords';

/** The inputs from issue 9 that overflowed the stack in html-to-text. */
const OPEN_DIVS = '<div>'.repeat(20_000); // 100,000 characters, within the message limit
const NESTED = (levels: number, text: string) => `${'<div>'.repeat(levels)}${text}${'</div>'.repeat(levels)}`;

describe('HTML to text', () => {
  it('reads HTML nested far deeper than the converter can walk, without overflowing the stack', () => {
    expect(htmlToText(OPEN_DIVS)).toBe('');
    expect(htmlToText(NESTED(8000, 'My parcel never came'))).toBe('My parcel never came');
    expect(htmlToText(NESTED(2000, 'Please refund me'))).toBe('Please refund me');
    expect(htmlToText(`${'<table><tr><td>'.repeat(1500)}deep cell`)).toBe('deep cell');
    expect(customerWords(NESTED(8000, 'I am very upset'), 'email')).toMatchObject({ text: 'I am very upset', words: 4 });
  });

  it('uses the full converter for ordinary HTML', () => {
    expect(htmlToText('<p>I am <b>furious</b>.</p><img src="x.gif"><blockquote>We love you!</blockquote>')).toBe('I am furious.');
    expect(htmlToText(NESTED(MAX_HTML_DEPTH, 'still converted'))).toBe('still converted');
  });

  it('counts nesting in one pass, stopping at the limit', () => {
    expect(nestingDepth('<p>a<br>b<img src=x><b>c</b></p><div/>')).toBe(2);
    expect(nestingDepth('a < b, c<d> and <3')).toBe(1);
    expect(nestingDepth(OPEN_DIVS, 10)).toBe(11);
    expect(nestingDepth('<div <div <div')).toBe(0);
  });

  it('strips tags linearly, skipping scripts and styles and decoding entities', () => {
    expect(stripTags('<p>Hello &amp; <b>world</b></p><script>var a = "<p>";</script><style>p{}</style><p>Bye &#x1F600; &#8212; &nbsp;!</p>')).toBe('Hello & world\nBye 😀 — !');
    expect(stripTags('a < b and <!-- note --> c')).toBe('a < b and c');
    expect(stripTags('<div unterminated')).toBe('<div unterminated');
    expect(stripTags('<script>never closed')).toBe('');
    // pathological inputs are read, not refused
    expect(stripTags('<a'.repeat(50_000))).toHaveLength(100_000);
    expect(stripTags('<!--'.repeat(10_000))).toBe('');
  });
});
