import { normaliseSpaces } from '../coachWords';
import { acknowledgementLine } from './betterLines';
import type { DraftCheck } from './draftCheckInput';

/** ignores-feeling: the customer is upset and the reply does not acknowledge it. */

const EMPATHY = new RegExp(
  [
    'sorry',
    'apologi[sz]e\\w*',
    'apologies',
    'understand\\w*',
    'frustrat\\w*',
    'i can (?:see|hear|imagine|tell)',
    'i hear you',
    'not good enough',
    'must have been',
    'let you down',
    'not the experience',
    "that(?:'s| is) (?:really |so |very )?(?:annoying|disappointing|upsetting|worrying|awful|rubbish|stressful|unacceptable)",
    "i(?:'d| would) (?:feel|be) the same",
    '(?:you(?:\'re| are) )?right to be',
    "(?:you've |you have )?every right",
    'completely fair',
    'i get (?:it|that|why)',
    'what a pain',
    "shouldn't have (?:had )?to",
    'should never have',
    'i(?:\'m| am) (?:really |so |very )?(?:sad|gutted) to hear',
  ]
    .map((phrase) => `\\b${phrase}\\b`)
    .join('|'),
  'i',
);

/** Whether a text acknowledges the customer's feeling (sorry, I understand, that's not good enough, …). */
export function acknowledgesFeeling(text: string): boolean {
  return EMPATHY.test(normaliseSpaces(text));
}

export const ignoresFeeling: DraftCheck = (input) => {
  const { state, draft, playbook, context } = input;
  if (!state.upset || acknowledgesFeeling(draft)) return [];
  return [
    {
      check: 'ignores-feeling',
      message: `The customer sounds upset (${state.upsetEvidence ?? 'negative'}) and this reply doesn’t acknowledge how they feel.`,
      excerpt: null,
      better: acknowledgementLine(playbook, context, state),
      replaces: false,
    },
  ];
};
