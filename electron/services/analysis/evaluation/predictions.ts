import { EKMAN_EMOTIONS, type EkmanEmotion, type ModelInfo, type Reading } from '../../../../shared/contract/analysis';

/** What a view predicts when the reading holds nothing it can use (e.g. a text with no words). */
export const NO_READING = '(no reading)';

/** Whether a model's own labels include every one wanted (case-insensitive). */
export function modelHasLabels(model: ModelInfo | undefined, wanted: readonly string[]): boolean {
  if (!model) return false;
  const labels = model.labels.map((label) => label.toLowerCase());
  return wanted.every((label) => labels.includes(label.toLowerCase()));
}

/** The highest-scoring of `labels` in a score map (keys compared case-insensitively; ties go to the earlier label). */
export function argmaxOver(scores: Readonly<Record<string, number>> | undefined, labels: readonly string[]): string | null {
  if (!scores) return null;
  const lowered = new Map(Object.entries(scores).map(([label, score]) => [label.toLowerCase(), score]));
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const label of labels) {
    const score = lowered.get(label.toLowerCase());
    if (score !== undefined && score > bestScore) {
      best = label;
      bestScore = score;
    }
  }
  return best;
}

/** The dominant Ekman emotion: argmax of reading.emotions. */
export function ekmanPrediction(reading: Reading): string {
  return argmaxOver(reading.emotions, EKMAN_EMOTIONS) ?? NO_READING;
}

/** The argmax of one model's own raw labels, restricted to the task's labels. */
export function rawLabelPrediction(reading: Reading, modelId: string, labels: readonly string[]): string {
  return argmaxOver(reading.labels[modelId], labels) ?? NO_READING;
}

/**
 * The argmax over task labels of the Ekman distribution grouped into them, e.g. anger ← anger +
 * disgust. Labels with no counterpart are never predicted.
 */
export function ekmanGroupedPrediction(reading: Reading, counterparts: Readonly<Record<string, readonly EkmanEmotion[]>>): string {
  const grouped: Record<string, number> = {};
  let any = false;
  for (const [label, emotions] of Object.entries(counterparts)) {
    grouped[label] = emotions.reduce((total, emotion) => total + (reading.emotions[emotion] ?? 0), 0);
    any ||= emotions.some((emotion) => reading.emotions[emotion] !== undefined);
  }
  return any ? (argmaxOver(grouped, Object.keys(counterparts)) ?? NO_READING) : NO_READING;
}

/** The sentiment class the app shows. */
export const sentimentClassPrediction = (reading: Reading): string => reading.sentimentClass;

/** Binary sentiment (SST-2): positive when the sentiment score is above 0, else negative. */
export const binarySentimentPrediction = (reading: Reading): string => (reading.sentiment > 0 ? 'positive' : 'negative');
