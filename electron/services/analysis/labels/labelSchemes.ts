import { EKMAN_EMOTIONS, type EkmanEmotion, type SentimentClass } from '../../../../shared/contract/analysis';
import { GOEMOTIONS_LABELS, GOEMOTIONS_TO_EKMAN, GOEMOTIONS_TO_SENTIMENT } from './goEmotions';

/**
 * Understands a text-classification model by its labels, whatever they are, and turns its output
 * into Kinship's two readings: an Ekman emotion distribution and a sentiment.
 */
export type LabelScheme =
  | { kind: 'ekman'; name: 'Ekman emotions (7)' }
  | { kind: 'goemotions'; name: 'GoEmotions (28), grouped into Ekman' }
  | { kind: 'sentiment'; name: string; negative: string[]; neutral: string[]; positive: string[] }
  | { kind: 'stars'; name: '5-star rating'; stars: string[] };

export type Scores = Record<string, number>;

const lower = (labels: readonly string[]) => labels.map((label) => label.toLowerCase());
const hasAll = (labels: readonly string[], wanted: readonly string[]) => wanted.every((label) => labels.includes(label));

/** Returns null for a label set Kinship cannot interpret (the model is then not used). */
export function detectLabelScheme(modelLabels: readonly string[]): LabelScheme | null {
  const labels = lower(modelLabels);
  if (labels.length >= 27 && hasAll(labels, GOEMOTIONS_LABELS.filter((l) => l !== 'neutral'))) {
    return { kind: 'goemotions', name: 'GoEmotions (28), grouped into Ekman' };
  }
  const emotionsWithoutNeutral = EKMAN_EMOTIONS.filter((e) => e !== 'neutral');
  if (hasAll(labels, emotionsWithoutNeutral)) return { kind: 'ekman', name: 'Ekman emotions (7)' };
  const stars = labels.filter((label) => /^[1-5] stars?$/.test(label));
  if (stars.length === 5) return { kind: 'stars', name: '5-star rating', stars: stars.sort() };
  if (hasAll(labels, ['negative', 'positive'])) {
    // 'ambiguous' / 'mixed' say the text leans both ways: it is neither neutral nor a side, so it
    // takes no part in the three-way reading (folding it into neutral drowns real feelings)
    const neutral = labels.filter((label) => label === 'neutral');
    return { kind: 'sentiment', name: `sentiment (${labels.length} classes)`, negative: ['negative'], positive: ['positive'], neutral };
  }
  // SST-2 style models often ship LABEL_0 / LABEL_1 (negative / positive) or NEG / POS.
  if (labels.length === 2 && hasAll(labels, ['neg', 'pos'])) return { kind: 'sentiment', name: 'sentiment (2 classes)', negative: ['neg'], positive: ['pos'], neutral: [] };
  if (labels.length === 3 && hasAll(labels, ['neg', 'neu', 'pos'])) return { kind: 'sentiment', name: 'sentiment (3 classes)', negative: ['neg'], positive: ['pos'], neutral: ['neu'] };
  return null;
}

export const isEmotionScheme = (scheme: LabelScheme) => scheme.kind === 'ekman' || scheme.kind === 'goemotions';

function normalise(scores: Scores): Scores {
  const out: Scores = {};
  for (const [label, score] of Object.entries(scores)) out[label.toLowerCase()] = score;
  return out;
}

const sum = (scores: Scores, labels: readonly string[]) => labels.reduce((total, label) => total + (scores[label] ?? 0), 0);

/** The Ekman distribution (sums to 1) from an emotion model's scores. */
export function toEkman(scheme: LabelScheme, rawScores: Scores): Record<EkmanEmotion, number> {
  const scores = normalise(rawScores);
  const out = Object.fromEntries(EKMAN_EMOTIONS.map((emotion) => [emotion, 0])) as Record<EkmanEmotion, number>;
  if (scheme.kind === 'ekman') {
    for (const emotion of EKMAN_EMOTIONS) out[emotion] = scores[emotion] ?? 0;
  } else if (scheme.kind === 'goemotions') {
    for (const [emotion, members] of Object.entries(GOEMOTIONS_TO_EKMAN)) out[emotion as EkmanEmotion] = sum(scores, members);
    out.neutral = scores.neutral ?? 0;
  }
  const total = Object.values(out).reduce((a, b) => a + b, 0);
  if (total > 0) for (const emotion of EKMAN_EMOTIONS) out[emotion] /= total;
  return out;
}

export interface SentimentReading {
  /** −1 … +1 */
  score: number;
  distribution: Record<SentimentClass, number>;
}

function fromDistribution(distribution: Record<SentimentClass, number>): SentimentReading {
  const total = distribution.negative + distribution.neutral + distribution.positive;
  const d = total > 0 ? { negative: distribution.negative / total, neutral: distribution.neutral / total, positive: distribution.positive / total } : { negative: 0, neutral: 1, positive: 0 };
  return { score: clamp(d.positive - d.negative), distribution: d };
}

const clamp = (value: number) => Math.max(-1, Math.min(1, value));

/** Sentiment from any scheme: sentiment and star models directly, emotion models by grouping. */
export function toSentiment(scheme: LabelScheme, rawScores: Scores): SentimentReading {
  const scores = normalise(rawScores);
  switch (scheme.kind) {
    case 'sentiment':
      return fromDistribution({ negative: sum(scores, scheme.negative), neutral: sum(scores, scheme.neutral), positive: sum(scores, scheme.positive) });
    case 'stars': {
      const expected = scheme.stars.reduce((total, label, index) => total + (index + 1) * (scores[label] ?? 0), 0);
      const negative = (scores[scheme.stars[0]!] ?? 0) + (scores[scheme.stars[1]!] ?? 0);
      const positive = (scores[scheme.stars[3]!] ?? 0) + (scores[scheme.stars[4]!] ?? 0);
      return { score: clamp((expected - 3) / 2), distribution: { negative, neutral: scores[scheme.stars[2]!] ?? 0, positive } };
    }
    case 'goemotions':
      return fromDistribution({
        negative: sum(scores, GOEMOTIONS_TO_SENTIMENT.negative),
        neutral: (scores.neutral ?? 0) + sum(scores, GOEMOTIONS_TO_SENTIMENT.ambiguous),
        positive: sum(scores, GOEMOTIONS_TO_SENTIMENT.positive),
      });
    case 'ekman':
      return fromDistribution({
        negative: sum(scores, ['anger', 'disgust', 'fear', 'sadness']),
        neutral: sum(scores, ['neutral', 'surprise']),
        positive: scores.joy ?? 0,
      });
  }
}

export function sentimentClassOf(distribution: Record<SentimentClass, number>): SentimentClass {
  const entries = Object.entries(distribution) as [SentimentClass, number][];
  return entries.reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}
