import vader from 'vader-sentiment';
import type { Reading, SentimentClass } from '../../../shared/contract/analysis';

export const LEXICON_MODEL_ID = 'vader-sentiment (lexicon)';

/**
 * VADER, a sentiment word list with rules for negation, intensity and emoji: always available,
 * needs no model, reads sentiment only (no emotions).
 */
export function lexiconReading(text: string, words: number, truncated: boolean): Reading {
  const scores = vader.SentimentIntensityAnalyzer.polarity_scores(text);
  // VADER's own convention: compound ≥ 0.05 positive, ≤ −0.05 negative
  const sentimentClass: SentimentClass = scores.compound >= 0.05 ? 'positive' : scores.compound <= -0.05 ? 'negative' : 'neutral';
  return {
    analyzer: 'lexicon',
    modelId: LEXICON_MODEL_ID,
    modelVersion: '1.1.3',
    sentiment: scores.compound,
    sentimentClass,
    emotions: {},
    dominant: null,
    labels: { vader: { negative: scores.neg, neutral: scores.neu, positive: scores.pos, compound: scores.compound } },
    words,
    windows: 1,
    truncated,
  };
}
