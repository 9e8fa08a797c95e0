import { normaliseSpaces, trimEdges } from '../coachWords';

/** Reading a draft: its sentences, its words, and a form to compare texts by. */

/** The draft's sentences as written (split after . ! ? ; and at line breaks), trimmed. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Lower-case, straight quotes, single spaces: for comparing texts and matching phrases. */
export { comparable } from '../wordingShape';

/** The first sentence of the text the pattern matches (tested on its comparable form), or null. */
export function sentenceMatching(text: string, pattern: RegExp): string | null {
  return sentencesOf(text).find((sentence) => pattern.test(normaliseSpaces(sentence))) ?? null;
}

/** Upper-cases the first letter. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Tidies a sentence after words were cut out of it: spaces, stray commas, a full stop at the end. */
export function tidySentence(text: string): string {
  // runs of spaces become one first: /\s+([,.;!?])/ on a long run of spaces is quadratic
  const spaced = text.replace(/\s{2,}/g, ' ').replace(/\s([,.;!?])/g, '$1');
  const tidy = trimEdges(spaced, /[\s,;:–—-]/).replace(/\s{2,}/g, ' ').trim();
  if (!tidy) return '';
  return /[.!?]$/.test(tidy) ? tidy : `${tidy}.`;
}
