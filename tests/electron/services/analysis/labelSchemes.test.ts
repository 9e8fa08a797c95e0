import { describe, expect, it } from 'vitest';
import { detectLabelScheme, sentimentClassOf, toEkman, toSentiment } from '../../../../electron/services/analysis/labels/labelSchemes';
import { GOEMOTIONS_LABELS } from '../../../../electron/services/analysis/labels/goEmotions';

describe('understanding a model by its labels', () => {
  it.each([
    [['anger', 'disgust', 'fear', 'joy', 'neutral', 'sadness', 'surprise'], 'ekman'],
    [GOEMOTIONS_LABELS, 'goemotions'],
    [['ambiguous', 'negative', 'neutral', 'positive'], 'sentiment'],
    [['negative', 'neutral', 'positive'], 'sentiment'],
    [['NEGATIVE', 'POSITIVE'], 'sentiment'],
    [['1 star', '2 stars', '3 stars', '4 stars', '5 stars'], 'stars'],
    [['neg', 'neu', 'pos'], 'sentiment'],
  ])('%j is read as %s', (labels, kind) => {
    expect(detectLabelScheme(labels)?.kind).toBe(kind);
  });

  it('refuses labels it cannot interpret', () => {
    expect(detectLabelScheme(['LABEL_0', 'LABEL_1', 'LABEL_2'])).toBeNull();
    expect(detectLabelScheme(['spam', 'ham'])).toBeNull();
  });
});

describe('turning scores into readings', () => {
  it('groups the 28 GoEmotions labels into Ekman emotions with the published mapping', () => {
    const scheme = detectLabelScheme(GOEMOTIONS_LABELS)!;
    const ekman = toEkman(scheme, { annoyance: 0.3, disapproval: 0.1, gratitude: 0.2, nervousness: 0.2, neutral: 0.2 });
    expect(ekman.anger).toBeCloseTo(0.4);
    expect(ekman.joy).toBeCloseTo(0.2);
    expect(ekman.fear).toBeCloseTo(0.2);
    expect(ekman.neutral).toBeCloseTo(0.2);
    expect(Object.values(ekman).reduce((a, b) => a + b)).toBeCloseTo(1);
  });

  it('normalises a multi-label model whose scores do not sum to one', () => {
    const scheme = detectLabelScheme(GOEMOTIONS_LABELS)!;
    const ekman = toEkman(scheme, { anger: 0.9, joy: 0.9 });
    expect(ekman.anger).toBeCloseTo(0.5);
    expect(ekman.joy).toBeCloseTo(0.5);
  });

  it('scores sentiment from −1 to +1 whatever the scheme', () => {
    const four = detectLabelScheme(['ambiguous', 'negative', 'neutral', 'positive'])!;
    const reading = toSentiment(four, { ambiguous: 0.1, negative: 0.7, neutral: 0.1, positive: 0.1 });
    // ambiguous takes no part: the three others are renormalised
    expect(reading.score).toBeCloseTo((0.1 - 0.7) / 0.9);
    expect(reading.distribution.neutral).toBeCloseTo(0.1 / 0.9);
    expect(sentimentClassOf(reading.distribution)).toBe('negative');

    const stars = detectLabelScheme(['1 star', '2 stars', '3 stars', '4 stars', '5 stars'])!;
    expect(toSentiment(stars, { '5 stars': 1 }).score).toBe(1);
    expect(toSentiment(stars, { '1 star': 1 }).score).toBe(-1);
    expect(toSentiment(stars, { '3 stars': 1 }).score).toBe(0);

    const binary = detectLabelScheme(['NEGATIVE', 'POSITIVE'])!;
    expect(toSentiment(binary, { NEGATIVE: 0.2, POSITIVE: 0.8 }).score).toBeCloseTo(0.6);

    const ekman = detectLabelScheme(['anger', 'disgust', 'fear', 'joy', 'neutral', 'sadness', 'surprise'])!;
    const fromEmotions = toSentiment(ekman, { joy: 0.1, anger: 0.5, fear: 0.2, neutral: 0.2 });
    expect(fromEmotions.score).toBeCloseTo(-0.6);
    expect(sentimentClassOf(fromEmotions.distribution)).toBe('negative');
  });
});
