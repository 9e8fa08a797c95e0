import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSst2 } from '../../../../../electron/services/analysis/evaluation/sst2Reader';
import { tempDir } from '../../../../helpers/tempDir';
import { writeFiles } from './evaluationFixtures';

function sst2File(content: string, name = 'dev.tsv'): string {
  const dir = tempDir();
  writeFiles(dir, { [name]: content });
  return path.join(dir, name);
}

describe('the SST-2 reader', () => {
  it('reads sentence<TAB>label after a header line, skipping blank lines', () => {
    const data = readSst2(sst2File('sentence\tlabel\nit is a charming journey . \t1\n\nbleak and desperate \t0\n\n'));
    expect(data.rows).toEqual([
      { text: 'it is a charming journey .', gold: 'positive', line: 2 },
      { text: 'bleak and desperate', gold: 'negative', line: 4 },
    ]);
    expect(data.labels).toEqual(['negative', 'positive']);
    expect(data.split).toBe('dev');
    expect(data.notes).toContain('the first line was read as a header');
  });

  it('reads a file without a header, and one whose header puts the columns elsewhere', () => {
    expect(readSst2(sst2File('good\t1\nbad\t0\n')).rows.map((row) => row.gold)).toEqual(['positive', 'negative']);
    const indexed = readSst2(sst2File('idx\tlabel\tsentence\r\n0\t0\tdull\r\n1\t1\tlovely\r\n'));
    expect(indexed.rows.map((row) => [row.text, row.gold])).toEqual([
      ['dull', 'negative'],
      ['lovely', 'positive'],
    ]);
  });

  it('refuses labels other than 0 and 1, other formats, and empty files', () => {
    expect(() => readSst2(sst2File('sentence\tlabel\nfine\t2\n'))).toThrow("dev.tsv line 2: label '2' is not 0 (negative) or 1 (positive)");
    expect(() => readSst2(sst2File('Is this it?\t27\tedgurhb\n'))).toThrow(/line 1: expected sentence<TAB>label \(SST-2 format\), found 3 columns/);
    expect(() => readSst2(sst2File('just a line of text\n'))).toThrow(/found 1 column$/);
    expect(() => readSst2(sst2File('sentence\tlabel\n'))).toThrow(/holds no SST-2 rows/);
    expect(() => readSst2(sst2File(''))).toThrow(/holds no SST-2 rows/);
    expect(() => readSst2(sst2File('label\tscore\n1\t0.5\n'))).toThrow(/header has a 'label' column but no 'sentence' column/);
  });
});
