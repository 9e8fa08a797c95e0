import type { DraftFinding } from '../../../../shared/contract/coach';
import { normaliseSpaces } from '../coachWords';
import { nextStepTime } from '../timeWords';
import type { DraftCheck, PhraseRule } from './draftCheckInput';
import { sentencesOf, tidySentence, upperFirst } from './draftText';

/** defensive: replies that protect us instead of helping the customer. */

const POLICY = /\b(?:our|the company's|company) polic(?:y|ies) (?:clearly )?(?:states?|says?|is that)(?: that)?\b|\baccording to (?:our |the )?(?:company )?polic(?:y|ies)\b,?/i;

const DEFENSIVE: PhraseRule[] = [
  {
    pattern: POLICY,
    better: (sentence) => {
      const rest = tidySentence(normaliseSpaces(sentence).replace(POLICY, ' ')).replace(/[.!]$/, '');
      return rest.split(' ').length >= 3
        ? `Normally ${rest.charAt(0).toLowerCase()}${rest.slice(1)}, but let me see what I can do for you.`
        : 'Let me explain how it normally works, and see what I can do for you.';
    },
  },
  { pattern: /\bnot (?:our|my) fault\b/i, better: () => 'Whatever caused it, I’ll help you put it right.' },
  {
    pattern: /\bwe(?:'re| are) not (?:responsible|liable)\b|\bwe (?:can't|cannot|can not) be held (?:responsible|liable)\b|\bwe accept no (?:responsibility|liability)\b|\bnot our responsibility\b/i,
    better: (_sentence, { context }) => `Even if it happened after it left us, I’ll chase it for you and update you ${nextStepTime(context.now)}.`,
  },
  {
    pattern: /\bthere(?:'s| is) nothing (?:more |else )?(?:we|I) can do\b/i,
    better: () => 'I can’t change that part, I’m afraid, but here’s what I can do instead.',
  },
  { pattern: /\bnot (?:our|my) problem\b/i, better: () => 'I’ll take this on and help you sort it.' },
  {
    pattern: /\bwe did(?:n't| not) do anything wrong\b|\bwe did nothing wrong\b|\bwe have(?:n't| not) done anything wrong\b|\bwe've not done anything wrong\b/i,
    better: () => 'I can see why it looks that way. Let me check what happened, and if we slipped up, I’ll put it right.',
  },
  {
    pattern: /\byou(?:'ll| will)? (?:need|have) to (?:contact|call|speak to|get in touch with|chase) (?:the )?(?:courier|manufacturer|delivery company|post office|supplier|warehouse)\b/i,
    better: (sentence, { context }) => {
      const who = normaliseSpaces(sentence).match(/courier|manufacturer|delivery company|post office|supplier|warehouse/i)?.[0].toLowerCase() ?? 'courier';
      return `I’ll contact the ${who} for you and let you know what they say ${nextStepTime(context.now)}.`;
    },
  },
];

export const defensive: DraftCheck = (input) => {
  const findings: DraftFinding[] = [];
  for (const sentence of sentencesOf(input.draft)) {
    const plain = normaliseSpaces(sentence);
    const rule = DEFENSIVE.find((candidate) => candidate.pattern.test(plain));
    if (!rule) continue;
    const better = rule.better(sentence, input);
    findings.push({
      check: 'defensive',
      message: 'This sounds like it protects us rather than helps them; say what you can do instead.',
      excerpt: sentence,
      better: better ? upperFirst(better) : null,
      replaces: true,
    });
  }
  return findings;
};
