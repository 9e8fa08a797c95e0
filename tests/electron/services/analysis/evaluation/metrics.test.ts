import { describe, expect, it } from 'vitest';
import { confusionMatrix, scoreConfusion } from '../../../../../electron/services/analysis/evaluation/metrics';

const pairs = (list: [string, string][]) => list.map(([gold, predicted]) => ({ gold, predicted }));

describe('metrics', () => {
  it('scores a three-class case computed by hand', () => {
    // gold a → a, a, b; gold b → b, c; gold c → c, a
    const matrix = confusionMatrix(['a', 'b', 'c'], pairs([['a', 'a'], ['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', 'c'], ['c', 'c'], ['c', 'a']]));
    expect(matrix.counts).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [1, 0, 1],
    ]);
    const scores = scoreConfusion(matrix);
    expect(scores.rows).toBe(7);
    expect(scores.accuracy).toBeCloseTo(4 / 7, 10);
    // precision a 2/3, b 1/2, c 1/2; recall the same; so F1 the same
    expect(scores.perLabel.map((s) => s.precision)).toEqual([2 / 3, 1 / 2, 1 / 2].map((v) => expect.closeTo(v, 10)));
    expect(scores.macroF1).toBeCloseTo(5 / 9, 10);
    expect(scores.macroRecall).toBeCloseTo(5 / 9, 10);
    expect(scores.perLabel.map((s) => [s.label, s.support, s.predictedCount])).toEqual([
      ['a', 3, 3],
      ['b', 2, 2],
      ['c', 2, 2],
    ]);
  });

  it('keeps precision, recall and F1 apart on an imbalanced binary case', () => {
    // 4 positive: 3 right, 1 wrong; 6 negative: 2 called positive, 4 right
    const list: [string, string][] = [
      ['pos', 'pos'], ['pos', 'pos'], ['pos', 'pos'], ['pos', 'neg'],
      ['neg', 'pos'], ['neg', 'pos'], ['neg', 'neg'], ['neg', 'neg'], ['neg', 'neg'], ['neg', 'neg'],
    ];
    const scores = scoreConfusion(confusionMatrix(['neg', 'pos'], pairs(list)));
    expect(scores.accuracy).toBeCloseTo(0.7, 10);
    const [neg, pos] = scores.perLabel;
    expect(pos).toMatchObject({ precision: expect.closeTo(3 / 5, 10), recall: expect.closeTo(3 / 4, 10), f1: expect.closeTo(2 / 3, 10), support: 4, predictedCount: 5 });
    expect(neg).toMatchObject({ precision: expect.closeTo(4 / 5, 10), recall: expect.closeTo(2 / 3, 10), f1: expect.closeTo(8 / 11, 10), support: 6, predictedCount: 5 });
    expect(scores.macroRecall).toBeCloseTo(17 / 24, 10);
    expect(scores.macroF1).toBeCloseTo(23 / 33, 10);
    expect(scores.macroPrecision).toBeCloseTo(7 / 10, 10);
  });

  it('gives a label that is never predicted precision 0 and F1 0, and counts it in the macro average', () => {
    // like TweetEval optimism with an Ekman model: z is never predicted
    const scores = scoreConfusion(confusionMatrix(['x', 'y', 'z'], pairs([['x', 'x'], ['x', 'y'], ['y', 'y'], ['z', 'y']])));
    expect(scores.perLabel[2]).toMatchObject({ label: 'z', precision: 0, recall: 0, f1: 0, support: 1, predictedCount: 0 });
    expect(scores.accuracy).toBe(0.5);
    // F1: x 2/3, y 1/2, z 0
    expect(scores.macroF1).toBeCloseTo(7 / 18, 10);
    expect(scores.macroRecall).toBeCloseTo(1 / 2, 10);
  });

  it('adds a column for a prediction outside the labels and counts it as a miss', () => {
    const matrix = confusionMatrix(['neg', 'pos'], pairs([['neg', 'neg'], ['pos', '(no reading)'], ['pos', 'pos']]));
    expect(matrix.predicted).toEqual(['neg', 'pos', '(no reading)']);
    expect(matrix.counts).toEqual([
      [1, 0, 0],
      [0, 1, 1],
    ]);
    const scores = scoreConfusion(matrix);
    expect(scores.accuracy).toBeCloseTo(2 / 3, 10);
    expect(scores.perLabel.map((s) => s.label)).toEqual(['neg', 'pos']);
    expect(scores.macroRecall).toBeCloseTo((1 + 1 / 2) / 2, 10);
  });

  it('leaves a label out of the macro average only when it occurs neither in gold nor in predictions', () => {
    const scores = scoreConfusion(confusionMatrix(['a', 'b', 'c'], pairs([['a', 'a'], ['b', 'a']])));
    // a: P 1/2, R 1, F1 2/3; b: P 0, R 0; c never occurs
    expect(scores.macroF1).toBeCloseTo(1 / 3, 10);
    expect(scores.macroRecall).toBeCloseTo(1 / 2, 10);
  });

  it('rejects a gold label outside the task', () => {
    expect(() => confusionMatrix(['a'], pairs([['b', 'a']]))).toThrow(/gold label 'b'/);
  });

  it('scores an empty matrix as zeros, not NaN', () => {
    const scores = scoreConfusion(confusionMatrix(['a', 'b'], []));
    expect(scores).toMatchObject({ rows: 0, accuracy: 0, macroF1: 0, macroRecall: 0 });
  });
});
