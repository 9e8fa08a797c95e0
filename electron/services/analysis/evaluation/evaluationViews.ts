import { EKMAN_EMOTIONS, SENTIMENT_CLASSES, type EkmanEmotion, type ModelInfo, type Reading } from '../../../../shared/contract/analysis';
import { GOEMOTIONS_LABELS, GOEMOTIONS_TO_EKMAN, GOEMOTIONS_TO_SENTIMENT } from '../labels/goEmotions';
import type { ActiveAnalyzer } from './activeAnalyzer';
import type { MetricKey, ViewKey } from './baselines';
import { inputError } from './evaluationError';
import type { LabelledData } from './labelledData';
import {
  binarySentimentPrediction,
  ekmanGroupedPrediction,
  ekmanPrediction,
  modelHasLabels,
  rawLabelPrediction,
  sentimentClassPrediction,
} from './predictions';

/** One way of scoring the analyzer on a data set: which gold labels, and how a reading becomes a prediction. */
export interface EvaluationView {
  key: ViewKey;
  title: string;
  /** The gold label set (rows of the confusion matrix). */
  labels: string[];
  /** The gold label in this view, from the row's label in the data set. */
  gold(datasetLabel: string): string;
  predict(reading: Reading): string;
  /** How predictions are made, in plain words. */
  method: string;
  notes: string[];
  /** The metrics to show, the official one first. */
  metrics: MetricKey[];
  /** A note that depends on the readings themselves (e.g. how many read exactly 0), or null. */
  noteOnReadings?(readings: readonly Reading[]): string | null;
}

export interface ViewPlan {
  views: EvaluationView[];
  /** Views this analyzer cannot give, and why. */
  unavailable: string[];
}

const GOEMOTIONS_SENTIMENT_4 = ['positive', 'negative', 'ambiguous', 'neutral'] as const;

/** The group a GoEmotions label belongs to in a published grouping; neutral stays neutral. */
function groupOf(grouping: Readonly<Record<string, readonly string[]>>, label: string): string {
  if (label === 'neutral') return 'neutral';
  const group = Object.entries(grouping).find(([, members]) => members.includes(label));
  if (!group) throw new Error(`GoEmotions label '${label}' is in no group`);
  return group[0];
}

const emotionModelOf = (analyzer: ActiveAnalyzer) => analyzer.models.find((model) => model.role === 'emotion');
const sentimentModelOf = (analyzer: ActiveAnalyzer) => analyzer.models.find((model) => model.role === 'sentiment');
const describeModel = (model: ModelInfo) => `${model.id} (${model.labelScheme})`;

/** Where reading.sentimentClass (or, for 'score', reading.sentiment) comes from with this analyzer. */
function sentimentSource(analyzer: ActiveAnalyzer, what: 'class' | 'score' = 'class'): string {
  const sentiment = sentimentModelOf(analyzer);
  const emotion = emotionModelOf(analyzer);
  if (analyzer.kind === 'lexicon') {
    return what === 'class' ? 'the VADER lexicon (compound ≥ 0.05 positive, ≤ −0.05 negative, else neutral)' : "the VADER lexicon's compound score";
  }
  if (sentiment) return `sentiment model ${describeModel(sentiment)}, its labels grouped into negative / neutral / positive as the app does`;
  return `emotion model ${describeModel(emotion!)}, its emotions grouped into negative / neutral / positive as the app does (there is no sentiment model)`;
}

const noEmotions = (analyzer: ActiveAnalyzer) =>
  analyzer.kind === 'lexicon' ? 'the lexicon analyzer reads sentiment only, no emotions' : `no emotion model among ${analyzer.modelId}`;

function goEmotionsViews(analyzer: ActiveAnalyzer): ViewPlan {
  const views: EvaluationView[] = [];
  const unavailable: string[] = [];
  const emotion = emotionModelOf(analyzer);
  const sentiment = sentimentModelOf(analyzer);

  if (emotion && modelHasLabels(emotion, GOEMOTIONS_LABELS)) {
    views.push({
      key: 'goemotions-28',
      title: '28-label view (27 emotions + neutral)',
      labels: [...GOEMOTIONS_LABELS],
      gold: (label) => label,
      predict: (reading) => rawLabelPrediction(reading, emotion.id, GOEMOTIONS_LABELS),
      method: `argmax of emotion model ${emotion.id}'s own 28 labels`,
      notes: [],
      metrics: ['macroF1', 'accuracy'],
    });
  } else {
    unavailable.push(`28-label view: ${emotion ? `emotion model ${emotion.id} does not have the 28 GoEmotions labels (it has ${emotion.labels.join(', ')})` : noEmotions(analyzer)}`);
  }

  if (emotion) {
    views.push({
      key: 'goemotions-ekman',
      title: 'Ekman view (6 emotions + neutral)',
      labels: [...EKMAN_EMOTIONS],
      gold: (label) => groupOf(GOEMOTIONS_TO_EKMAN, label),
      predict: ekmanPrediction,
      method: `argmax of reading.emotions (the Ekman distribution) from emotion model ${describeModel(emotion)}; gold labels grouped by the published GoEmotions → Ekman mapping`,
      notes: [],
      metrics: ['macroF1', 'accuracy'],
    });
  } else {
    unavailable.push(`Ekman view: ${noEmotions(analyzer)}`);
  }

  if (sentiment && modelHasLabels(sentiment, GOEMOTIONS_SENTIMENT_4)) {
    views.push({
      key: 'goemotions-sentiment-4',
      title: 'sentiment view (positive / negative / ambiguous / neutral)',
      labels: [...GOEMOTIONS_SENTIMENT_4],
      gold: (label) => groupOf(GOEMOTIONS_TO_SENTIMENT, label),
      predict: (reading) => rawLabelPrediction(reading, sentiment.id, GOEMOTIONS_SENTIMENT_4),
      method: `argmax of sentiment model ${sentiment.id}'s own four labels; gold labels grouped by the published GoEmotions sentiment grouping`,
      notes: ['the app itself shows three classes: it counts ambiguous as neutral'],
      metrics: ['macroF1', 'accuracy'],
    });
  } else {
    views.push({
      key: 'goemotions-sentiment-3',
      title: 'sentiment view, 3 classes (ambiguous folded into neutral)',
      labels: [...SENTIMENT_CLASSES],
      gold: (label) => {
        const group = groupOf(GOEMOTIONS_TO_SENTIMENT, label);
        return group === 'ambiguous' ? 'neutral' : group;
      },
      predict: sentimentClassPrediction,
      method: `reading.sentimentClass from ${sentimentSource(analyzer)}; gold labels grouped by the published GoEmotions sentiment grouping`,
      notes: [
        `the analyzer has no "ambiguous" class, so gold ambiguous (${GOEMOTIONS_TO_SENTIMENT.ambiguous.join(', ')}) is folded into neutral: 3 classes, not the published 4`,
      ],
      metrics: ['macroF1', 'accuracy'],
    });
  }
  return { views, unavailable };
}

function tweetEvalSentimentView(data: LabelledData, analyzer: ActiveAnalyzer): EvaluationView {
  return {
    key: 'tweeteval-sentiment',
    title: 'TweetEval sentiment (negative / neutral / positive)',
    labels: data.labels,
    gold: (label) => label,
    predict: sentimentClassPrediction,
    method: `reading.sentimentClass from ${sentimentSource(analyzer)}`,
    notes: [],
    metrics: ['macroRecall', 'accuracy', 'macroF1'],
  };
}

/**
 * Ekman counterparts of TweetEval's emotion labels: each label that is an Ekman emotion stands for
 * itself, anger takes disgust and sadness takes fear when those are not labels of their own.
 */
function ekmanCounterparts(labels: readonly string[]): Record<string, EkmanEmotion[]> {
  const isEkman = (label: string): label is EkmanEmotion => (EKMAN_EMOTIONS as readonly string[]).includes(label);
  const counterparts: Record<string, EkmanEmotion[]> = {};
  for (const label of labels) if (isEkman(label)) counterparts[label] = [label];
  const foldInto = (emotion: EkmanEmotion, target: EkmanEmotion) => {
    if (counterparts[target] && !counterparts[emotion]) counterparts[target].push(emotion);
  };
  foldInto('disgust', 'anger');
  foldInto('fear', 'sadness');
  return counterparts;
}

function tweetEvalEmotionView(data: LabelledData, analyzer: ActiveAnalyzer): EvaluationView {
  const emotion = emotionModelOf(analyzer);
  if (!emotion) inputError(`tweeteval-emotion needs an emotion model: ${noEmotions(analyzer)}`);
  const base = { key: 'tweeteval-emotion' as const, labels: data.labels, gold: (label: string) => label, metrics: ['macroF1', 'accuracy'] as MetricKey[] };
  if (modelHasLabels(emotion, data.labels)) {
    return {
      ...base,
      title: `TweetEval emotion (${data.labels.join(' / ')})`,
      predict: (reading) => rawLabelPrediction(reading, emotion.id, data.labels),
      method: `argmax of emotion model ${emotion.id}'s own labels, restricted to ${data.labels.join(', ')}`,
      notes: [],
    };
  }
  const counterparts = ekmanCounterparts(data.labels);
  const without = data.labels.filter((label) => !counterparts[label]);
  if (without.length === data.labels.length) inputError(`tweeteval-emotion: none of the labels ${data.labels.join(', ')} has an Ekman counterpart, and emotion model ${emotion.id} does not have them`);
  return {
    ...base,
    title: `TweetEval emotion (${data.labels.join(' / ')}), from the Ekman distribution`,
    predict: (reading) => ekmanGroupedPrediction(reading, counterparts),
    method: `emotion model ${describeModel(emotion)} does not have these labels: argmax of its Ekman distribution restricted to ${Object.entries(counterparts)
      .map(([label, emotions]) => `${label} ← ${emotions.join(' + ')}`)
      .join(', ')}`,
    notes: without.map((label) => `'${label}' has no Ekman counterpart: it is never predicted, so every gold ${label} row counts as a miss`),
  };
}

function sst2View(analyzer: ActiveAnalyzer): EvaluationView {
  return {
    key: 'sst2',
    title: 'SST-2 binary sentiment (negative / positive)',
    labels: ['negative', 'positive'],
    gold: (label) => label,
    predict: binarySentimentPrediction,
    method: `positive when reading.sentiment > 0, else negative; sentiment from ${sentimentSource(analyzer, 'score')}`,
    notes: ['binary task: a reading of exactly 0 (nothing either way) counts as negative'],
    metrics: ['accuracy', 'macroF1'],
    noteOnReadings: (readings) => {
      const zero = readings.filter((reading) => reading.sentiment === 0).length;
      return zero ? `${zero.toLocaleString('en-US')} of ${readings.length.toLocaleString('en-US')} readings were exactly 0 and count as negative` : null;
    },
  };
}

/** Every view the analyzer can give on the data set; an input error when it can give none. */
export function planViews(data: LabelledData, analyzer: ActiveAnalyzer): ViewPlan {
  switch (data.format) {
    case 'goemotions':
      return goEmotionsViews(analyzer);
    case 'tweeteval-sentiment':
      return { views: [tweetEvalSentimentView(data, analyzer)], unavailable: [] };
    case 'tweeteval-emotion':
      return { views: [tweetEvalEmotionView(data, analyzer)], unavailable: [] };
    case 'sst2':
      return { views: [sst2View(analyzer)], unavailable: [] };
  }
}
