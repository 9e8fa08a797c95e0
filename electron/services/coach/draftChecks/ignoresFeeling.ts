import type { CoachKind, Playbook } from '../../../../shared/contract/coach';
import { normaliseSpaces } from '../coachWords';
import { compilePlaybook } from '../compiledPlaybook';
import { comparable, holdsFillingOf } from '../wordingShape';
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
    '(?:that |this )?sounds (?:really |so |very |incredibly )?(?:disheartening|frustrating|stressful|worrying|awful|exhausting|upsetting|maddening)',
    'disheartening',
  ]
    .map((phrase) => `\\b${phrase}\\b`)
    .join('|'),
  'i',
);

/** Whether a text acknowledges the customer's feeling (sorry, I understand, that's not good enough, …). */
export function acknowledgesFeeling(text: string): boolean {
  return EMPATHY.test(normaliseSpaces(text));
}

/** The kinds of prompt whose wordings acknowledge a feeling: a draft holding one of them does. */
const ACKNOWLEDGING: readonly CoachKind[] = ['acknowledge', 'apologise', 'own-and-fix'];

/** Whether the text holds (a filling of) one of the playbook's acknowledging wordings. */
function holdsAcknowledgingWording(text: string, playbook: Playbook): boolean {
  const draft = comparable(text);
  return compilePlaybook(playbook)
    .rules.filter(({ rule }) => ACKNOWLEDGING.includes(rule.kind))
    .some(({ shapes }) => shapes.some((shape) => holdsFillingOf(shape, draft)));
}

export const ignoresFeeling: DraftCheck = (input) => {
  const { state, draft, playbook, context } = input;
  if (!state.upset || acknowledgesFeeling(draft) || holdsAcknowledgingWording(draft, playbook)) return [];
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
