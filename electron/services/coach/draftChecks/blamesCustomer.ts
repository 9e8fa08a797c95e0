import type { DraftFinding } from '../../../../shared/contract/coach';
import { lowerFirst, normaliseSpaces, trimEdges } from '../coachWords';
import type { DraftCheck, PhraseRule } from './draftCheckInput';
import { sentencesOf, tidySentence } from './draftText';

/** blames-customer: sentences that put the problem on the customer, with a rephrase that does not. */

/** "As I already said, the refund takes 5 days." → "Just to recap: the refund takes 5 days." */
function recap(pattern: RegExp): PhraseRule['better'] {
  return (sentence) => {
    const rest = tidySentence(normaliseSpaces(sentence).replace(pattern, ' '));
    return rest.split(' ').length >= 3 ? `Just to recap: ${lowerFirst(rest)}` : 'Just to recap, so it’s all in one place:';
  };
}

const EASY_TO_MISS = 'That’s an easy thing to miss, so please don’t worry — let’s sort it out together.';

const AS_I_SAID = /,?\s*\b(?:as|like) (?:I|we)(?:'ve| have)? (?:already |previously |clearly )?(?:said|told you|mentioned|explained|stated|pointed out)(?: (?:before|earlier|previously))?\b,?/i;
const AS_STATED = /,?\s*\bas (?:previously |already |clearly )?(?:stated|mentioned|explained)(?: (?:in|on|at) [^,.;]+)?\b,?/i;

const BLAMING: PhraseRule[] = [
  { pattern: AS_I_SAID, better: recap(AS_I_SAID) },
  { pattern: AS_STATED, better: recap(AS_STATED) },
  {
    pattern: /\bclearly (?:stated|explained|shown|written|marked|says)\b/i,
    better: (sentence) => `It’s easy to miss, but ${lowerFirst(tidySentence(normaliseSpaces(sentence).replace(/\bclearly\s+/i, '')))}`,
  },
  {
    pattern: /\byou should(?: have|'ve)\b(?!\s+(?:been|had|got|gotten|received|heard|seen|not had|never)\b)/i,
    better: () => EASY_TO_MISS,
  },
  {
    pattern:
      /\byou (?:didn't|did not|failed to|forgot to|neglected to)\s+(?:read|check|follow|provide|include|fill|tell|select|choose|enter|click|measure|contact|attach|respond|reply|answer|register|update|notice|look|specify|mention|pay attention)\b|\byou failed to\b/i,
    better: () => EASY_TO_MISS,
  },
  {
    pattern: /\bif you(?: had|'d) (?:read|checked|looked|followed|paid attention)\b/i,
    better: () => EASY_TO_MISS,
  },
  {
    pattern: /\byou must(?: have|'ve)\b(?!\s+(?:been|felt|had|found|thought|wondered)\b)/i,
    better: () => 'It looks like something got mixed up along the way — let’s check the details together and put it right.',
  },
  {
    pattern: /\b(?:your (?:own )?fault|your (?:own )?responsibility|(?:that|this|it)(?:'s| is) your (?:own )?(?:problem|issue|lookout)|you were supposed to|you(?:'re| are) supposed to)\b/i,
    better: () => 'However it happened, let’s focus on putting it right.',
  },
  {
    pattern: /\byou need to read\b|\bplease read (?:it |the \w+ )?(?:properly|carefully)\b/i,
    better: () => 'I’m happy to walk you through the details so it’s all clear.',
  },
];

export const blamesCustomer: DraftCheck = (input) => {
  const findings: DraftFinding[] = [];
  for (const sentence of sentencesOf(input.draft)) {
    const plain = normaliseSpaces(sentence);
    const rule = BLAMING.find((candidate) => candidate.pattern.test(plain));
    if (!rule) continue;
    const matched = plain.match(rule.pattern)?.[0];
    const phrase = matched === undefined ? '' : trimEdges(matched, /[\s,]/);
    findings.push({
      check: 'blames-customer',
      message: `“${phrase}” can read as blaming the customer; say it so they don’t feel at fault.`,
      excerpt: sentence,
      better: rule.better(sentence, input),
      replaces: true,
    });
  }
  return findings;
};
