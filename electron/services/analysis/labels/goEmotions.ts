import type { EkmanEmotion } from '../../../../shared/contract/analysis';

/**
 * The GoEmotions groupings published with the data set (Demszky et al., ACL 2020): 27 emotions
 * and neutral, grouped into Ekman's six (+ neutral) and into sentiment.
 */
export const GOEMOTIONS_TO_EKMAN: Record<Exclude<EkmanEmotion, 'neutral'>, readonly string[]> = {
  anger: ['anger', 'annoyance', 'disapproval'],
  disgust: ['disgust'],
  fear: ['fear', 'nervousness'],
  joy: ['joy', 'amusement', 'approval', 'excitement', 'gratitude', 'love', 'optimism', 'relief', 'pride', 'admiration', 'desire', 'caring'],
  sadness: ['sadness', 'disappointment', 'embarrassment', 'grief', 'remorse'],
  surprise: ['surprise', 'realization', 'confusion', 'curiosity'],
};

export const GOEMOTIONS_TO_SENTIMENT: Record<'positive' | 'negative' | 'ambiguous', readonly string[]> = {
  positive: ['amusement', 'excitement', 'joy', 'love', 'desire', 'optimism', 'caring', 'pride', 'admiration', 'gratitude', 'relief', 'approval'],
  negative: ['fear', 'nervousness', 'remorse', 'embarrassment', 'disappointment', 'sadness', 'grief', 'disgust', 'anger', 'annoyance', 'disapproval'],
  ambiguous: ['realization', 'surprise', 'curiosity', 'confusion'],
};

/** All 28 GoEmotions labels. */
export const GOEMOTIONS_LABELS: readonly string[] = [...Object.values(GOEMOTIONS_TO_EKMAN).flat(), 'neutral'];
