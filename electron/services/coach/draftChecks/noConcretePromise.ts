import { normaliseSpaces } from '../coachWords';
import { nextStepLine } from './betterLines';
import type { DraftCheck } from './draftCheckInput';
import { sentencesOf } from './draftText';

/** no-concrete-promise: an upset or asking customer gets no next step with a time. */

const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const AMOUNT = '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|24|48|72|a couple of|a few)';
const UNIT = '(?:minutes?|mins?|hours?|hrs?|days?|working days?|business days?|weeks?)';

/** Someone commits to doing something (or says it is done / booked). */
const COMMITMENT = new RegExp(
  [
    "\\b(?:will|shall|going to)\\b|'ll\\b",
    "\\b(?:i|we)(?:'ve| have) (?:\\w+ )?(?:sent|arranged|booked|issued|refunded|processed|ordered|raised|escalated|asked|chased|scheduled|requested|set up|put through|cancelled|credited)\\b",
    "(?:\\b(?:is|are|was|were|has been|have been)|'s|'re) (?:\\w+ )?(?:booked|scheduled|due|arranged|dispatched|sent|shipped|posted|refunded|processed|issued|on (?:its|their|the) way|out for delivery)\\b",
    '\\bshould (?:arrive|be with you|reach|land)\\b',
    '\\bexpect\\b',
  ].join('|'),
  'i',
);

/** A concrete time or deadline. */
const TIME = new RegExp(
  [
    `\\b(?:by|before|on|until|this|next|from|this coming) ${WEEKDAY}\\b`,
    `\\b${WEEKDAY}\\b`,
    '\\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|next week|end of (?:the )?(?:day|week)|close of business)\\b',
    `\\b(?:within|in|under) (?:the next )?${AMOUNT} ${UNIT}\\b`,
    '\\b(?:within|in) (?:the next )?(?:24|48|72) ?h(?:ours|rs)?\\b',
    '\\b\\d{1,2}(?::\\d{2})? ?(?:am|pm|a\\.m\\.|p\\.m\\.)',
    '\\b(?:by|before|at) (?:noon|midday|lunchtime|\\d{1,2}(?::\\d{2})?)\\b',
    `\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH}\\b`,
    `\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?\\b`,
    '\\b\\d{1,2}/\\d{1,2}\\b',
  ].join('|'),
  'i',
);

/** Whether a text promises a next step and says when, in the same sentence. */
export function promisesConcreteStep(text: string): boolean {
  return sentencesOf(text).some((sentence) => {
    const plain = normaliseSpaces(sentence);
    return COMMITMENT.test(plain) && TIME.test(plain);
  });
}

export const noConcretePromise: DraftCheck = (input) => {
  const { draft, state, context } = input;
  if (!(state.upset || state.asked) || promisesConcreteStep(draft)) return [];
  const because = state.upset ? 'The customer is upset' : 'The customer asked for something';
  return [
    {
      check: 'no-concrete-promise',
      message: `${because}, but the reply doesn’t say what you’ll do next or by when.`,
      excerpt: null,
      better: nextStepLine(context, state),
      replaces: false,
    },
  ];
};
