import type { DraftFinding } from '../../../../shared/contract/coach';
import { normaliseSpaces } from '../coachWords';
import { placeholderValue } from '../fillWording';
import { openingLine } from './betterLines';
import type { DraftCheck, PhraseRule } from './draftCheckInput';
import { sentencesOf, tidySentence, upperFirst, wordCount } from './draftText';

/** curt: phrases that read as cold, and short replies to upset customers. */

const CAN_DO_INSTEAD = 'I can’t change that part, I’m afraid, but here’s what I can do instead.';
const AS_PER_POLICY = /\b(?:as )?per (?:our |the )?(?:company )?polic(?:y|ies)\b,?/i;

/** Phrases checked in sentences of at most this many words (longer ones are usually softened). */
const SHORT_SENTENCE = 6;

const CURT_SHORT: PhraseRule[] = [
  {
    pattern: /^noted[.!]*$/i,
    better: (_sentence, { context }) => {
      const name = placeholderValue('firstName', context);
      return name ? `Thanks, ${name} — I’ve got that.` : 'Thanks for letting me know — I’ve got that.';
    },
  },
  { pattern: /^(?:ok|okay|k|fine)[.!]*$/i, better: () => 'Thanks — that’s really helpful.' },
  { pattern: /^nothing (?:more |else )?(?:we|I) can do\b/i, better: () => CAN_DO_INSTEAD },
  {
    pattern: /^(?:(?:that|this|it)(?:'s| is) )?not possible\b|^(?:that|this|it) (?:can't|cannot) be done\b|^can't do that\b/i,
    better: () => 'I can’t do that one, I’m afraid, but here’s what I can do instead.',
  },
  { pattern: /^(?:please )?(?:see|refer to) (?:above|below|my (?:last|previous) (?:email|message|reply))\b/i, better: () => 'To save you scrolling back, here it is again:' },
];

const CURT_ANYWHERE: PhraseRule[] = [
  { pattern: /\bper my (?:last|previous) (?:email|e-mail|message|reply)\b/i, better: () => 'To save you scrolling back, here it is again:' },
  {
    pattern: AS_PER_POLICY,
    better: (sentence) => {
      const rest = tidySentence(normaliseSpaces(sentence).replace(AS_PER_POLICY, ' '));
      return rest.split(' ').length >= 3 ? `Normally, ${rest.charAt(0).toLowerCase()}${rest.slice(1)}` : 'Here’s how it normally works, and what I can do for you.';
    },
  },
];

function phraseFindings(draft: string, input: Parameters<DraftCheck>[0]): DraftFinding[] {
  const findings: DraftFinding[] = [];
  for (const sentence of sentencesOf(draft)) {
    const plain = normaliseSpaces(sentence);
    const rules = wordCount(plain) <= SHORT_SENTENCE ? [...CURT_SHORT, ...CURT_ANYWHERE] : CURT_ANYWHERE;
    const rule = rules.find((candidate) => candidate.pattern.test(plain));
    if (!rule) continue;
    const better = rule.better(sentence, input);
    findings.push({
      check: 'curt',
      message: `“${sentence}” can come across as cold${input.state.upset ? ', especially to an upset customer' : ''}.`,
      excerpt: sentence,
      better: better ? upperFirst(better) : null,
      replaces: true,
    });
  }
  return findings;
}

export const curt: DraftCheck = (input) => {
  const { draft, state, playbook, context } = input;
  const phrases = phraseFindings(draft, input);
  if (phrases.length > 0) return phrases;
  const words = wordCount(draft);
  if (!state.upset || words === 0 || words >= playbook.draftCheck.curtUnderWords) return [];
  return [
    {
      check: 'curt',
      message: `Only ${words} words to a customer who is upset — it can feel brushed off. Say a little more.`,
      excerpt: draft.trim(),
      better: openingLine(context),
      replaces: false,
    },
  ];
};
