import { describe, expect, it } from 'vitest';
import { comparable, holdsFillingOf, isFillingOf, type MatchMeter, wordingShape } from '../../../../electron/services/coach/wordingShape';
import { mulberry32 } from '../../../../electron/services/demo/seededRandom';

/**
 * Recognising a wording's fillings ("was this line shown already?", "does the draft hold one?")
 * without building a regular expression from the wording: correct for the tricky cases, and at most
 * one search per literal however the placeholders sit (issue 9: `{when}` seven times then `#` held
 * the host 17.7 s with the regex it used to build).
 */

const shape = wordingShape;

/** The regex the coach used to build, as an oracle for small inputs only (it backtracks on big ones). */
function oracle(wording: string, whole: boolean): RegExp {
  const literals = comparable(wording).split(/\{[^{}\n]{0,40}\}/);
  const body = literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?');
  return new RegExp(whole ? `^${body}$` : body, 's');
}

describe('a wording’s fillings', () => {
  it('adjacent placeholders each take at least one character', () => {
    const sevenThenHash = shape(`${'{when}'.repeat(7)}#`);
    expect(isFillingOf(sevenThenHash, 'abcdefg#')).toBe(true);
    expect(isFillingOf(sevenThenHash, 'by 5 pm today, by Friday, by Monday#')).toBe(true);
    expect(isFillingOf(sevenThenHash, 'abcdef#')).toBe(false);
    expect(isFillingOf(sevenThenHash, '#')).toBe(false);
    expect(isFillingOf(sevenThenHash, 'I’m really sorry, Sam — I can see why you’re frustrated.')).toBe(false);
    const two = shape('Hi {firstName}{agentFirstName}!');
    expect(isFillingOf(two, 'Hi SamAisha!')).toBe(true);
    expect(isFillingOf(two, 'Hi S!')).toBe(false);
  });

  it('reads braces and regex characters in the text and the wording as plain text', () => {
    expect(isFillingOf(shape('Sorry, {firstName}.'), 'Sorry, {firstName}.')).toBe(true);
    const special = shape('50% off (today) [really]? $5 {when}.');
    expect(isFillingOf(special, '50% OFF (today) [really]? $5 by 5 pm today.')).toBe(true);
    expect(isFillingOf(special, '50% off xtodayx really? $5 by 5 pm today.')).toBe(false);
    expect(isFillingOf(shape('a.c {when}'), 'abc by Friday')).toBe(false);
  });

  it('ignores case, curly quotes and extra spaces, on both sides', () => {
    const sorry = shape('I’m sorry, {firstName} — that’s not good enough.');
    expect(isFillingOf(sorry, "I'M  SORRY,\n Sam —  that's NOT good enough.")).toBe(true);
    expect(isFillingOf(sorry, 'I’m sorry, Sam — that’s good enough.')).toBe(false);
  });

  it('a wording without placeholders is the whole text, or a part of it', () => {
    expect(isFillingOf(shape('Thank you.'), ' thank  YOU. ')).toBe(true);
    expect(isFillingOf(shape('Thank you.'), 'Thank you. Bye.')).toBe(false);
    expect(holdsFillingOf(shape('Thank you.'), comparable('Oh, thank you. Bye.'))).toBe(true);
  });

  it('finds a filling inside a draft, a leading or trailing placeholder still needing its character', () => {
    const ack = shape('{firstName}, I’m sorry');
    expect(holdsFillingOf(ack, comparable('Hello. Sam, I’m sorry about this.'))).toBe(true);
    expect(holdsFillingOf(ack, comparable(', I’m sorry about this.'))).toBe(false);
    const trailing = shape('I’ll call you {when}');
    expect(holdsFillingOf(trailing, comparable('I’ll call you by Friday.'))).toBe(true);
    expect(holdsFillingOf(trailing, comparable('Then I’ll call you'))).toBe(false);
  });

  it('agrees with the regex it replaces on thousands of small cases', () => {
    const next = mulberry32(9);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    for (let n = 0; n < 4000; n++) {
      const wording = Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(['a', 'b', 'ab', ' ', '{when}', '{firstName}', '#'])).join('');
      const text = Array.from({ length: Math.floor(next() * 9) }, () => pick(['a', 'b', ' ', '#', 'A'])).join('');
      const whole = next() < 0.5;
      const expected = oracle(wording, whole).test(comparable(text));
      const actual = whole ? isFillingOf(shape(wording), text) : holdsFillingOf(shape(wording), comparable(text));
      expect(actual, `${whole ? 'whole' : 'part'} ${JSON.stringify(wording)} ~ ${JSON.stringify(text)}`).toBe(expected);
    }
  });

  it('costs at most one search per literal, however many placeholders sit side by side', () => {
    const wording = `${'{when}'.repeat(10)}#`;
    const literals = shape(wording).literals.length;
    const long = 'by 5 pm today '.repeat(400);
    const meter: MatchMeter = { searches: 0 };
    expect(isFillingOf(shape(wording), long, meter)).toBe(false);
    expect(holdsFillingOf(shape(wording), comparable(long), meter)).toBe(false);
    expect(holdsFillingOf(shape(`b{when}a{when}${'{when}'.repeat(8)}#`), comparable(`${long}#`), meter)).toBe(true);
    expect(meter.searches).toBeLessThanOrEqual(3 * (literals + 1));
  });
});
