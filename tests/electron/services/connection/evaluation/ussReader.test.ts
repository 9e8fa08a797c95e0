import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvaluationInputError } from '../../../../../electron/services/analysis/evaluation/evaluationError';
import { customerTurns } from '../../../../../electron/services/connection/evaluation/runConnectionEvaluation';
import { parseUss, readUssFolder } from '../../../../../electron/services/connection/evaluation/ussReader';
import { tempDir } from '../../../../helpers/tempDir';

const FIXTURE = [
  '',
  'USER\tI need a cheap hotel in the north.\tHotel-Inform\t3,3,4',
  'SYSTEM\tThere are two. Shall I book one?\tHotel-Inform\t',
  'USER\tYes please, thank you!\t\t4,4,5',
  'USER\tOVERALL\t\t4,4,5',
  '',
  'SYSTEM\tDo you like movies like Thor?\tENTITY_NAME\t',
  'USER\tNo, I hated it.\tENTITY_PREFERENCE\t2,2,3',
  'USER\t\t\t2,2',
  'USER\tOVERALL\t\t2,3',
  '',
  'USER\tHello?\t\t3',
  'SYSTEM\tHi\t\t',
  '',
].join('\n');

describe('reading USS dialogues', () => {
  it('splits dialogues at blank lines and takes the OVERALL ratings as the dialogue’s score', () => {
    const { dialogues, skipped } = parseUss(FIXTURE, 'MWOZ.txt');
    expect(dialogues).toHaveLength(2);
    expect(dialogues[0]).toEqual({
      index: 1,
      turns: [
        { role: 'USER', text: 'I need a cheap hotel in the north.', action: 'Hotel-Inform', ratings: [3, 3, 4] },
        { role: 'SYSTEM', text: 'There are two. Shall I book one?', action: 'Hotel-Inform', ratings: [] },
        { role: 'USER', text: 'Yes please, thank you!', action: '', ratings: [4, 4, 5] },
      ],
      overall: [4, 4, 5],
      overallMean: 13 / 3,
    });
    expect(dialogues[1]).toMatchObject({ index: 2, overall: [2, 3], overallMean: 2.5 });
    expect(skipped).toEqual(['MWOZ.txt dialogue 3 (line 12): no OVERALL line']);
  });

  it('takes the USER turns with words as the customer’s messages', () => {
    const { dialogues } = parseUss(FIXTURE, 'MWOZ.txt');
    expect(customerTurns(dialogues[0]!)).toEqual(['I need a cheap hotel in the north.', 'Yes please, thank you!']);
    expect(customerTurns(dialogues[1]!)).toEqual(['No, I hated it.']);
  });

  it('reads Windows line ends too, and names a bad line', () => {
    expect(parseUss(FIXTURE.replace(/\n/g, '\r\n'), 'x').dialogues).toHaveLength(2);
    expect(() => parseUss('AGENT\thello\t\t\n', 'CCPE.txt')).toThrow(new EvaluationInputError("CCPE.txt line 1: expected USER or SYSTEM at the start, found 'AGENT'"));
  });

  it('reads the data sets of a folder in order, and refuses a folder without any', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'CCPE.txt'), FIXTURE);
    fs.writeFileSync(path.join(dir, 'MWOZ.txt'), FIXTURE);
    expect(readUssFolder(dir).map((file) => [file.dataSet, file.dialogues.length])).toEqual([
      ['MWOZ', 2],
      ['CCPE', 2],
    ]);
    expect(() => readUssFolder(tempDir())).toThrow(/^no USS data in .* \(expected MWOZ\.txt, ReDial\.txt, CCPE\.txt\)$/);
    expect(() => readUssFolder(path.join(dir, 'absent'))).toThrow(/^no USS data folder at .*absent \(give one with --data <dir>\)$/);
  });
});
