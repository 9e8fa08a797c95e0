import type { DraftCheckSettings } from '../../../../shared/contract/coach';
import { type CoachContext, lastCustomerMessage, latestCustomerTurn } from '../coachContext';
import { formatScore } from '../coachWords';
import { sentencesOf } from './draftText';

/** How the customer stands when the agent replies: upset (and why), and whether they asked something. */

export interface CustomerState {
  upset: boolean;
  /** The evidence it is upset on, e.g. "anger 0.82, sentiment −0.64"; null when not upset. */
  upsetEvidence: string | null;
  /** Their last turn asks a question or for something. */
  asked: boolean;
  /** The dominant emotion of their last message, if the analyzer reads emotions. */
  feeling: string | null;
}

const UPSET_EMOTIONS = new Set(['anger', 'sadness', 'fear', 'disgust']);
const STRONG_FEELING = 0.5;
const QUESTION_START = new RegExp(
  [
    '^(?:can|could|would|will) you\\b',
    '^(?:when|where|why|how) (?:is|are|was|will|do|does|did|can|could|would|should|has|have|long|much|many|soon)\\b',
    '^what (?:is|are|was|happens|happened|will|do|does|did|should|can)\\b',
    '^(?:is|are) (?:it|there|you|my)\\b',
    '^please (?:let me know|tell me|advise|confirm|check|send|refund|call|help|sort)\\b',
  ].join('|'),
  'i',
);

export function customerState(context: CoachContext, settings: DraftCheckSettings): CustomerState {
  const last = lastCustomerMessage(context);
  const reading = last?.reading ?? null;
  const evidence: string[] = [];
  const dominant = reading?.dominant ?? null;
  if (dominant && UPSET_EMOTIONS.has(dominant.emotion) && dominant.score >= STRONG_FEELING) {
    evidence.push(`${dominant.emotion} ${formatScore(dominant.score)}`);
  }
  if (reading && reading.sentiment <= settings.upsetBelow) evidence.push(`sentiment ${formatScore(reading.sentiment)}`);
  const turn = latestCustomerTurn(context).map((message) => message.body);
  const asked = turn.some((body) => body.includes('?') || sentencesOf(body).some((sentence) => QUESTION_START.test(sentence)));
  return {
    upset: evidence.length > 0,
    upsetEvidence: evidence.length > 0 ? evidence.join(', ') : null,
    asked,
    feeling: dominant && dominant.emotion !== 'neutral' ? dominant.emotion : null,
  };
}
