import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvaluationInputError } from '../../../../../electron/services/analysis/evaluation/evaluationError';
import { GOEMOTIONS_ID_ORDER, readGoEmotions } from '../../../../../electron/services/analysis/evaluation/goEmotionsReader';
import { GOEMOTIONS_LABELS } from '../../../../../electron/services/analysis/labels/goEmotions';
import { tempDir } from '../../../../helpers/tempDir';
import { GOEMOTIONS_EMOTIONS_TXT, writeFiles } from './evaluationFixtures';

function goEmotionsFile(content: string, extra: Record<string, string> = {}): string {
  const dir = tempDir();
  writeFiles(dir, { 'data.tsv': content, ...extra });
  return path.join(dir, 'data.tsv');
}

describe('the GoEmotions reader', () => {
  it('keeps single-label rows, leaves multi-label rows out and says how many', () => {
    const file = goEmotionsFile(['I love it\t18\ta1', 'so so\t4,27\ta2', '', 'Why though?\t7\ta3', 'meh\t27\ta4', 'ok ok\t27,27\ta5', ''].join('\n'));
    const data = readGoEmotions(file);
    expect(data.rows.map((row) => [row.text, row.gold, row.line])).toEqual([
      ['I love it', 'love', 1],
      ['Why though?', 'curiosity', 4],
      ['meh', 'neutral', 5],
      ['ok ok', 'neutral', 6], // the same id twice is one label
    ]);
    expect(data.rowsRead).toBe(5);
    expect(data.notes[0]).toMatch(/4 of 5 rows have exactly one label; 1 multi-label rows left out/);
    expect(data.notes[1]).toMatch(/standard GoEmotions order/);
    expect(data.labels).toEqual(GOEMOTIONS_ID_ORDER);
    expect(data.split).toBeNull();
  });

  it('reads Windows line endings, a header line and tabs inside the text', () => {
    const dir = tempDir();
    writeFiles(dir, { 'train.tsv': 'text\tlabels\tid\r\nhappy\there\t17\tb1\r\n' });
    const data = readGoEmotions(path.join(dir, 'train.tsv'));
    expect(data.rows).toEqual([{ text: 'happy\there', gold: 'joy', line: 2 }]);
    expect(data.split).toBe('train');
    expect(data.notes).toContain('the first line was taken as a header');
  });

  it('takes the label order from an emotions.txt beside the data', () => {
    const reversed = [...GOEMOTIONS_ID_ORDER].reverse();
    const file = goEmotionsFile('first\t0\tc1\nlast\t27\tc2\n', { 'emotions.txt': `${reversed.join('\n')}\n` });
    const data = readGoEmotions(file);
    expect(data.rows.map((row) => row.gold)).toEqual(['neutral', 'admiration']);
    expect(data.notes[1]).toMatch(/label order read from .*emotions\.txt/);
  });

  it('refuses an emotions.txt that is not the GoEmotions labels', () => {
    const file = goEmotionsFile('x\t0\tc1\n', { 'emotions.txt': [...GOEMOTIONS_ID_ORDER.slice(0, 27), 'boredom'].join('\n') });
    expect(() => readGoEmotions(file)).toThrow(/'boredom', which GoEmotions does not have/);
  });

  it('refuses a label id out of range, naming the line', () => {
    const file = goEmotionsFile('fine\t3\tc1\nbroken\t2,28\tc2\n');
    expect(() => readGoEmotions(file)).toThrow(EvaluationInputError);
    expect(() => readGoEmotions(file)).toThrow('data.tsv line 2: label id 28 is out of range (GoEmotions ids are 0–27)');
  });

  it('refuses label ids that are not numbers after the first line', () => {
    expect(() => readGoEmotions(goEmotionsFile('fine\t3\tc1\nbroken\tjoy\tc2\n'))).toThrow(/line 2: label ids 'joy' are not comma-separated numbers/);
  });

  it('refuses another format, an empty file and a missing file, plainly', () => {
    expect(() => readGoEmotions(goEmotionsFile('sentence\tlabel\ngreat film\t1\n'))).toThrow(/line 1: expected text<TAB>label ids<TAB>comment id .* found 2 columns/);
    expect(() => readGoEmotions(goEmotionsFile('\n\n'))).toThrow(/holds no GoEmotions rows/);
    expect(() => readGoEmotions(goEmotionsFile('a\t1,2\tc1\n'))).toThrow(/no single-label rows/);
    expect(() => readGoEmotions('/no/such/dev.tsv')).toThrow('data file not found: /no/such/dev.tsv');
  });

  it('knows the standard order: the 28 GoEmotions labels, neutral = 27', () => {
    expect([...GOEMOTIONS_ID_ORDER].sort()).toEqual([...GOEMOTIONS_LABELS].sort());
    expect(GOEMOTIONS_ID_ORDER[27]).toBe('neutral');
  });

  it.skipIf(!fs.existsSync(GOEMOTIONS_EMOTIONS_TXT))('has the standard order of the data set’s own emotions.txt (skipped when ../shared/data is absent)', () => {
    expect(fs.readFileSync(GOEMOTIONS_EMOTIONS_TXT, 'utf8').split(/\r?\n/).filter(Boolean)).toEqual(GOEMOTIONS_ID_ORDER);
  });
});
