/** Small wording helpers shared by the coach's reasons, fillings and draft checks. */

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ORDINAL_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** A score or sentiment with two decimals and a real minus sign: "0.82", "−0.64". */
export function formatScore(value: number): string {
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text.replace('-', '−');
}

/** "two" for 2, "12" for 12 (words up to ten). */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < NUMBER_WORDS.length ? (NUMBER_WORDS[n] ?? String(n)) : String(n);
}

/** "third" for 3, "12th" for 12. */
export function ordinalWord(n: number): string {
  const word = ORDINAL_WORDS[n];
  if (word && n > 0) return word;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** "1 day", "3 days". */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "anger", "anger or disgust", "anger, fear or disgust". */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/** Curly quotes to straight ones, runs of whitespace to one space, trimmed. */
export function normaliseSpaces(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
}

/** Lower-cases the first letter unless the first word looks like an acronym or code ("LH-1234", "UPS"). */
export function lowerFirst(text: string): string {
  const first = text.split(/\s/)[0] ?? '';
  if (/^[A-Z]{2,}/.test(first) || /\d/.test(first)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The text without the characters `edge` (a one-character class, such as /[.!?]/) matches at its end,
 * or at both ends. Linear: a regex such as /[.!?]+$/ tries every start in a long run of them that
 * does not end the text, which is quadratic (100,000 "!" and an "x" took seconds).
 */
export function trimEdges(text: string, edge: RegExp, where: 'end' | 'both' = 'both'): string {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  if (where === 'both') while (start < end && edge.test(chars[start] ?? '')) start++;
  while (end > start && edge.test(chars[end - 1] ?? '')) end--;
  return start === 0 && end === chars.length ? text : chars.slice(start, end).join('');
}

/** A stable 32-bit FNV-1a hash of a string. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
