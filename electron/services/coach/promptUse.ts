import type { PromptOutcome } from '../../../shared/contract/domain';
import { comparable } from './draftChecks/draftText';

/** At least this share of a prompt's words in the reply, in its order, and the prompt was used in the agent's own words. */
const EDITED_SHARE = 0.6;

const wordsOf = (text: string): string[] => comparable(text).match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];

/** The longest run of `wanted`'s words found in `words` in the same order (not necessarily adjacent). */
function inOrder(wanted: readonly string[], words: readonly string[]): number {
  // longest common subsequence, one row at a time: prompts are a sentence or two
  let previous = new Array<number>(words.length + 1).fill(0);
  for (const word of wanted) {
    const row = new Array<number>(words.length + 1).fill(0);
    for (let j = 1; j <= words.length; j++) row[j] = word === words[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    previous = row;
  }
  return previous[words.length]!;
}

/**
 * What a coach prompt came to in the reply that reached the customer: used word for word
 * ('inserted'), used in changed words ('edited': most of its words are there, in its order), or not
 * used ('ignored') — whether or not the agent had put it in the draft on the way.
 */
export function promptUse(promptText: string, reply: string): Extract<PromptOutcome, 'inserted' | 'edited' | 'ignored'> {
  const prompt = comparable(promptText).trim();
  if (!prompt) return 'ignored';
  const sent = comparable(reply);
  if (sent.includes(prompt)) return 'inserted';
  const wanted = wordsOf(promptText);
  if (wanted.length < 3) return 'ignored';
  const words = wordsOf(reply);
  // a reply far longer than any prompt is compared sentence by sentence's worth at most: bound the work
  const window = words.length > 2_000 ? words.filter((word) => wanted.includes(word)) : words;
  return inOrder(wanted, window) / wanted.length >= EDITED_SHARE ? 'edited' : 'ignored';
}
