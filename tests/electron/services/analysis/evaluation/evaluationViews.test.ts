import { describe, expect, it } from 'vitest';
import { EvaluationInputError } from '../../../../../electron/services/analysis/evaluation/evaluationError';
import { planViews } from '../../../../../electron/services/analysis/evaluation/evaluationViews';
import { GOEMOTIONS_ID_ORDER } from '../../../../../electron/services/analysis/evaluation/goEmotionsReader';
import type { DataFormat, LabelledData } from '../../../../../electron/services/analysis/evaluation/labelledData';
import { NO_READING } from '../../../../../electron/services/analysis/evaluation/predictions';
import { GOEMOTIONS_LABELS } from '../../../../../electron/services/analysis/labels/goEmotions';
import { fakeAnalyzer, modelInfo, reading } from './evaluationFixtures';

const data = (format: DataFormat, labels: string[]): LabelledData => ({ format, files: ['x'], split: 'val', labels, rows: [], rowsRead: 0, notes: [] });
const goEmotions = data('goemotions', [...GOEMOTIONS_ID_ORDER]);
const tweetEmotion = data('tweeteval-emotion', ['anger', 'joy', 'optimism', 'sadness']);

const EKMAN_MODEL = modelInfo('emotion', 'ekman-model', ['anger', 'disgust', 'fear', 'joy', 'neutral', 'sadness', 'surprise'], 'Ekman emotions (7)');
const SENTIMENT_4 = modelInfo('sentiment', 'sentiment-4', ['ambiguous', 'negative', 'neutral', 'positive'], 'sentiment (4 classes)');
const SENTIMENT_3 = modelInfo('sentiment', 'sentiment-3', ['negative', 'neutral', 'positive'], 'sentiment (3 classes)');
const GOEMOTIONS_MODEL = modelInfo('emotion', 'goemotions-28', [...GOEMOTIONS_LABELS].map((l) => l.toUpperCase()), 'GoEmotions (28), grouped into Ekman');
const nothing = () => reading({});

describe('which views an analyzer can give', () => {
  it('GoEmotions with an Ekman model and a 4-class sentiment model: Ekman and 4-class sentiment, not 28 labels', () => {
    const plan = planViews(goEmotions, fakeAnalyzer([EKMAN_MODEL, SENTIMENT_4], nothing));
    expect(plan.views.map((view) => view.key)).toEqual(['goemotions-ekman', 'goemotions-sentiment-4']);
    expect(plan.unavailable[0]).toMatch(/28-label view: emotion model ekman-model does not have the 28 GoEmotions labels/);
    const [ekman, sentiment] = plan.views;
    expect(['anger', 'annoyance', 'disapproval', 'grief', 'curiosity', 'optimism', 'neutral'].map((label) => ekman!.gold(label))).toEqual([
      'anger', 'anger', 'anger', 'sadness', 'surprise', 'joy', 'neutral',
    ]);
    expect(['confusion', 'gratitude', 'remorse', 'neutral'].map((label) => sentiment!.gold(label))).toEqual(['ambiguous', 'positive', 'negative', 'neutral']);
    expect(sentiment!.predict(reading({ labels: { 'sentiment-4': { ambiguous: 0.5, negative: 0.1, neutral: 0.3, positive: 0.1 } } }))).toBe('ambiguous');
    expect(ekman!.predict(reading({ emotions: { anger: 0.2, fear: 0.5, neutral: 0.3 } }))).toBe('fear');
    expect(ekman!.predict(reading({}))).toBe(NO_READING);
  });

  it('GoEmotions with a 3-class sentiment model: ambiguous folded into neutral, and said so', () => {
    const plan = planViews(goEmotions, fakeAnalyzer([SENTIMENT_3], nothing));
    expect(plan.views.map((view) => view.key)).toEqual(['goemotions-sentiment-3']);
    expect(plan.unavailable).toHaveLength(2);
    const view = plan.views[0]!;
    expect(view.labels).toEqual(['negative', 'neutral', 'positive']);
    expect(view.gold('surprise')).toBe('neutral');
    expect(view.notes[0]).toMatch(/folded into neutral/);
    expect(view.predict(reading({ sentimentClass: 'positive' }))).toBe('positive');
  });

  it('GoEmotions with a 28-label emotion model: the 28-label view too, from its own labels', () => {
    const plan = planViews(goEmotions, fakeAnalyzer([GOEMOTIONS_MODEL], nothing));
    expect(plan.views.map((view) => view.key)).toEqual(['goemotions-28', 'goemotions-ekman', 'goemotions-sentiment-3']);
    expect(plan.views[2]!.method).toMatch(/emotion model goemotions-28 \(.*\), its emotions grouped/);
    const view = plan.views[0]!;
    expect(view.predict(reading({ labels: { 'goemotions-28': { GRATITUDE: 0.6, JOY: 0.3, NEUTRAL: 0.1 } } }))).toBe('gratitude');
  });

  it('the lexicon gives only 3-class sentiment on GoEmotions, and cannot do TweetEval emotion', () => {
    const lexicon = fakeAnalyzer([], nothing, 'lexicon');
    const plan = planViews(goEmotions, lexicon);
    expect(plan.views.map((view) => view.key)).toEqual(['goemotions-sentiment-3']);
    expect(plan.unavailable.join('\n')).toMatch(/lexicon analyzer reads sentiment only/);
    expect(() => planViews(tweetEmotion, lexicon)).toThrow(EvaluationInputError);
    expect(() => planViews(tweetEmotion, lexicon)).toThrow('tweeteval-emotion needs an emotion model: the lexicon analyzer reads sentiment only, no emotions');
    expect(() => planViews(tweetEmotion, fakeAnalyzer([SENTIMENT_4], nothing))).toThrow(/needs an emotion model: no emotion model among sentiment-4/);
  });

  it('TweetEval emotion from an Ekman model: anger ← anger + disgust, sadness ← sadness + fear, optimism never', () => {
    const view = planViews(tweetEmotion, fakeAnalyzer([EKMAN_MODEL], nothing)).views[0]!;
    expect(view.method).toMatch(/anger ← anger \+ disgust, joy ← joy, sadness ← sadness \+ fear/);
    expect(view.notes).toEqual(["'optimism' has no Ekman counterpart: it is never predicted, so every gold optimism row counts as a miss"]);
    expect(view.predict(reading({ emotions: { anger: 0.15, disgust: 0.2, joy: 0.3, neutral: 0.35 } }))).toBe('anger');
    expect(view.predict(reading({ emotions: { fear: 0.25, sadness: 0.1, joy: 0.3, surprise: 0.35 } }))).toBe('sadness');
    expect(view.predict(reading({ emotions: { joy: 0.2, neutral: 0.8 } }))).toBe('joy');
    expect(view.predict(reading({}))).toBe(NO_READING);
  });

  it("TweetEval emotion from a model that has the labels: its own scores, optimism included", () => {
    const view = planViews(tweetEmotion, fakeAnalyzer([GOEMOTIONS_MODEL], nothing)).views[0]!;
    expect(view.notes).toEqual([]);
    expect(view.predict(reading({ labels: { 'goemotions-28': { OPTIMISM: 0.3, JOY: 0.2, NEUTRAL: 0.5 } } }))).toBe('optimism');
  });

  it('SST-2 is binary on the score, and TweetEval sentiment uses the class the app shows', () => {
    const sst2 = planViews(data('sst2', ['negative', 'positive']), fakeAnalyzer([SENTIMENT_3], nothing)).views[0]!;
    expect([0.01, 0, -0.3].map((sentiment) => sst2.predict(reading({ sentiment })))).toEqual(['positive', 'negative', 'negative']);
    expect(sst2.noteOnReadings?.([reading({ sentiment: 0 }), reading({ sentiment: 0.2 })])).toBe('1 of 2 readings were exactly 0 and count as negative');
    const tweets = planViews(data('tweeteval-sentiment', ['negative', 'neutral', 'positive']), fakeAnalyzer([SENTIMENT_3], nothing)).views[0]!;
    expect(tweets.metrics[0]).toBe('macroRecall');
    expect(tweets.predict(reading({ sentimentClass: 'negative', sentiment: 0.4 }))).toBe('negative');
  });
});
