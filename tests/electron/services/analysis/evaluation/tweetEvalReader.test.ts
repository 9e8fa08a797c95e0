import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTweetEval, tweetEvalFiles } from '../../../../../electron/services/analysis/evaluation/tweetEvalReader';
import { tempDir } from '../../../../helpers/tempDir';
import { writeFiles } from './evaluationFixtures';

describe('the TweetEval reader', () => {
  it('reads a folder, preferring test_ over val_, with labels from mapping.txt', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'mapping.txt': '0\tnegative\n1\tneutral\n2\tpositive',
      'val_text.txt': 'val tweet\n',
      'val_labels.txt': '2\n',
      'test_text.txt': 'bad day \nok\ngreat day\n',
      'test_labels.txt': '0\n1\n2\n',
    });
    const data = readTweetEval(dir, 'sentiment');
    expect(data.files).toEqual([path.join(dir, 'test_text.txt'), path.join(dir, 'test_labels.txt')]);
    expect(data.split).toBe('test');
    expect(data.rows.map((row) => [row.text, row.gold])).toEqual([
      ['bad day', 'negative'],
      ['ok', 'neutral'],
      ['great day', 'positive'],
    ]);
    expect(data.format).toBe('tweeteval-sentiment');
    expect(data.notes[0]).toMatch(/labels from .*mapping\.txt: 0 negative, 1 neutral, 2 positive/);
  });

  it('falls back to val_ in a folder, and finds the labels beside a *_text.txt', () => {
    const dir = tempDir();
    writeFiles(dir, { 'val_text.txt': 'a\n', 'val_labels.txt': '1\n', 'train_text.txt': 'b\n', 'train_labels.txt': '3\n' });
    expect(tweetEvalFiles(dir).text).toBe(path.join(dir, 'val_text.txt'));
    const train = readTweetEval(path.join(dir, 'train_text.txt'), 'emotion');
    expect(train.split).toBe('train');
    expect(train.rows).toEqual([{ text: 'b', gold: 'sadness', line: 1 }]);
    expect(readTweetEval(path.join(dir, 'train_labels.txt'), 'emotion').rows).toHaveLength(1);
  });

  it("uses TweetEval's own ids without a mapping.txt, and a mapping.txt's own order when there is one", () => {
    const dir = tempDir();
    writeFiles(dir, { 'val_text.txt': 'grr\nyay\nhope\nsob\n', 'val_labels.txt': '0\n1\n2\n3\n' });
    const plain = readTweetEval(dir, 'emotion');
    expect(plain.rows.map((row) => row.gold)).toEqual(['anger', 'joy', 'optimism', 'sadness']);
    expect(plain.notes[0]).toMatch(/no mapping\.txt/);
    writeFiles(dir, { 'mapping.txt': '0\tsadness\n1\toptimism\n2\tjoy\n3\tanger\n' });
    expect(readTweetEval(dir, 'emotion').rows.map((row) => row.gold)).toEqual(['sadness', 'optimism', 'joy', 'anger']);
  });

  it('skips blank pairs, leaves out empty tweets, reads Windows line endings', () => {
    const dir = tempDir();
    writeFiles(dir, { 'val_text.txt': 'one\r\n\r\n   \r\nfour\r\n\r\n', 'val_labels.txt': '0\r\n\r\n2\r\n1\r\n' });
    const data = readTweetEval(dir, 'sentiment');
    expect(data.rows.map((row) => [row.text, row.gold, row.line])).toEqual([
      ['one', 'negative', 1],
      ['four', 'neutral', 4],
    ]);
    expect(data.rowsRead).toBe(3);
    expect(data.notes).toContain('1 rows with an empty text left out');
  });

  it('refuses files that do not pair, label ids out of range, and the wrong kind of mapping', () => {
    const dir = tempDir();
    writeFiles(dir, { 'val_text.txt': 'a\nb\n', 'val_labels.txt': '0\n' });
    expect(() => readTweetEval(dir, 'sentiment')).toThrow('val_text.txt has 2 lines but val_labels.txt has 1: they must pair line by line');
    writeFiles(dir, { 'val_labels.txt': '0\n3\n' });
    expect(() => readTweetEval(dir, 'sentiment')).toThrow('val_labels.txt line 2: label id 3 is out of range (0–2: negative, neutral, positive)');
    writeFiles(dir, { 'val_labels.txt': '0\nx\n' });
    expect(() => readTweetEval(dir, 'sentiment')).toThrow("val_labels.txt line 2: 'x' is not a label id");
    writeFiles(dir, { 'val_labels.txt': '0\n1\n', 'mapping.txt': '0\tanger\n1\tjoy\n' });
    expect(() => readTweetEval(dir, 'sentiment')).toThrow(/sentiment labels must be negative, neutral, positive \(found anger, joy\)/);
    writeFiles(dir, { 'mapping.txt': '0\tnegative\n1\tpositive\n' });
    expect(() => readTweetEval(dir, 'emotion')).toThrow(/is this --format tweeteval-sentiment\?/);
  });

  it('refuses a path that is not TweetEval, and an empty pair', () => {
    const dir = tempDir();
    writeFiles(dir, { 'dev.tsv': 'x\t1\n', 'val_text.txt': '\n', 'val_labels.txt': '\n' });
    expect(() => readTweetEval(path.join(dir, 'dev.tsv'), 'sentiment')).toThrow(/give a TweetEval folder or a \*_text\.txt file/);
    expect(() => readTweetEval(dir, 'sentiment')).toThrow(/holds no labelled tweets/);
    expect(() => readTweetEval(path.join(dir, 'nothing'), 'sentiment')).toThrow(/give a TweetEval folder/);
    expect(() => readTweetEval(tempDir(), 'sentiment')).toThrow(/neither test_text\.txt \+ test_labels\.txt nor val_text\.txt/);
  });
});
