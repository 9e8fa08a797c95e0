import { normaliseSpaces } from './coachWords';

/**
 * A wording as a shape to recognise its fillings by ("was this line shown already?", "does this
 * draft hold one?"): its literal text between placeholders, each placeholder standing for any
 * non-empty text. Texts are compared without case or extra spaces.
 *
 * Matching never builds a regular expression from the wording: a wording is the supervisor's text,
 * and a pattern such as `.+?.+?.+?#` backtracks exponentially. Instead the literals are found in
 * order with indexOf, each at the earliest place it can be — which is correct for placeholders that
 * match any text (taking a literal as early as possible leaves the most room for the rest) and costs
 * at most one search per literal, however the placeholders sit.
 */

export interface WordingShape {
  /** The literal text around the placeholders, in comparable form: one more than there are placeholders. */
  literals: readonly string[];
}

/** Lower-case, straight quotes, single spaces: the form wordings and texts are compared in. */
export const comparable = (text: string): string => normaliseSpaces(text).toLowerCase();

/** A wording's placeholders as written ("{firstName}", "{ when }"), for splitting its literals out. */
const PLACEHOLDER = /\{[^{}\n]{0,40}\}/;

export function wordingShape(wording: string): WordingShape {
  return { literals: comparable(wording).split(PLACEHOLDER) };
}

/** Counts the searches a match makes (for tests that prove the cost is bounded by the wording). */
export interface MatchMeter {
  searches: number;
}

/**
 * Whether `text` (in comparable form) is a filling of the shape: the whole text when `whole`,
 * otherwise anywhere inside it. At most one search per literal.
 */
function fills(shape: WordingShape, text: string, whole: boolean, meter?: MatchMeter): boolean {
  const { literals } = shape;
  const gaps = literals.length - 1;
  const first = literals[0] ?? '';
  const last = literals[gaps] ?? '';
  let end = text.length;
  let at: number;
  if (whole) {
    if (meter) meter.searches += 2;
    if (!text.startsWith(first)) return false;
    if (gaps === 0) return text.length === first.length;
    if (!text.endsWith(last)) return false;
    at = first.length;
    end = text.length - last.length;
  } else {
    if (meter) meter.searches++;
    const found = text.indexOf(first);
    if (found < 0) return false;
    at = found + first.length;
  }
  // each placeholder takes at least one character; the literal after it is taken as early as it can be
  const inner = whole ? gaps - 1 : gaps;
  for (let i = 1; i <= inner; i++) {
    at += 1;
    const literal = literals[i] ?? '';
    if (literal === '') continue;
    if (meter) meter.searches++;
    const found = text.indexOf(literal, at);
    if (found < 0 || found + literal.length > end) return false;
    at = found + literal.length;
  }
  // in a whole match the last placeholder still needs its character before the closing literal
  return whole ? at + 1 <= end : at <= end;
}

/** Whether the whole text (any case or spacing) is a filling of the wording. */
export function isFillingOf(shape: WordingShape, text: string, meter?: MatchMeter): boolean {
  return fills(shape, comparable(text), true, meter);
}

/** Whether a filling of the wording appears anywhere in the text, already in comparable form. */
export function holdsFillingOf(shape: WordingShape, comparableText: string, meter?: MatchMeter): boolean {
  return fills(shape, comparableText, false, meter);
}
