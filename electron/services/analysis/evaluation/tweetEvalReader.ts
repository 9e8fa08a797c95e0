import fs from 'node:fs';
import path from 'node:path';
import { fileName, isFolder, readTextFile } from './dataFiles';
import { inputError } from './evaluationError';
import { count, splitFromFileName, textLines, type LabelledData, type LabelledRow } from './labelledData';

export type TweetEvalTask = 'sentiment' | 'emotion';

/** TweetEval's own label ids, used when no mapping.txt sits beside the data. */
export const TWEETEVAL_DEFAULT_MAPPING: Record<TweetEvalTask, readonly string[]> = {
  sentiment: ['negative', 'neutral', 'positive'],
  emotion: ['anger', 'joy', 'optimism', 'sadness'],
};

/** The text and labels files: a folder (test_ if present, else val_) or a *_text.txt with its *_labels.txt beside it. */
export function tweetEvalFiles(dataPath: string): { text: string; labels: string } {
  if (isFolder(dataPath)) {
    for (const split of ['test', 'val']) {
      const text = path.join(dataPath, `${split}_text.txt`);
      const labels = path.join(dataPath, `${split}_labels.txt`);
      if (fs.existsSync(text) && fs.existsSync(labels)) return { text, labels };
    }
    return inputError(`${dataPath} has neither test_text.txt + test_labels.txt nor val_text.txt + val_labels.txt (TweetEval layout)`);
  }
  const base = path.basename(dataPath);
  const match = /^(.*)_(text|labels)\.txt$/.exec(base);
  if (!match) inputError(`${dataPath}: give a TweetEval folder or a *_text.txt file with its *_labels.txt beside it`);
  const dir = path.dirname(dataPath);
  const text = path.join(dir, `${match![1]}_text.txt`);
  const labels = path.join(dir, `${match![1]}_labels.txt`);
  if (!fs.existsSync(text)) inputError(`TweetEval text file not found: ${text}`);
  if (!fs.existsSync(labels)) inputError(`TweetEval labels file not found beside the text: ${labels}`);
  return { text, labels };
}

/** mapping.txt: `id<TAB>name` per line; the ids must run 0, 1, 2, … */
function readMapping(file: string): string[] {
  const names: string[] = [];
  textLines(readTextFile(file, 'mapping.txt')).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const match = /^\s*(\d+)\s+(\S.*?)\s*$/.exec(raw);
    if (!match) inputError(`${file} line ${index + 1}: expected id<TAB>label, found '${raw}'`);
    const id = Number(match![1]);
    if (id !== names.length) inputError(`${file} line ${index + 1}: label ids must run 0, 1, 2, … in order (found ${id})`);
    names.push(match![2]!.toLowerCase());
  });
  if (names.length < 2) inputError(`${file} maps fewer than two labels`);
  return names;
}

/**
 * TweetEval: one tweet per line in *_text.txt and its label id on the same line of *_labels.txt,
 * label names from mapping.txt beside them (or TweetEval's own ids).
 */
export function readTweetEval(dataPath: string, task: TweetEvalTask): LabelledData {
  const files = tweetEvalFiles(dataPath);
  const mappingFile = path.join(path.dirname(files.text), 'mapping.txt');
  const labels = fs.existsSync(mappingFile) ? readMapping(mappingFile) : [...TWEETEVAL_DEFAULT_MAPPING[task]];
  if (task === 'sentiment') {
    const odd = labels.filter((label) => !TWEETEVAL_DEFAULT_MAPPING.sentiment.includes(label));
    if (odd.length) inputError(`${mappingFile}: sentiment labels must be negative, neutral, positive (found ${odd.join(', ')})`);
  } else if (labels.includes('negative') || labels.includes('positive')) {
    inputError(`${mappingFile} maps sentiment labels (${labels.join(', ')}), not emotions: is this --format tweeteval-sentiment?`);
  }
  const texts = textLines(readTextFile(files.text, 'TweetEval text file'));
  const ids = textLines(readTextFile(files.labels, 'TweetEval labels file'));
  if (texts.length !== ids.length) {
    inputError(`${fileName(files.text)} has ${count(texts.length)} lines but ${fileName(files.labels)} has ${count(ids.length)}: they must pair line by line`);
  }
  const rows: LabelledRow[] = [];
  let emptyText = 0;
  let rowsRead = 0;
  texts.forEach((rawText, index) => {
    const line = index + 1;
    const rawId = ids[index]!.trim();
    const text = rawText.trim();
    if (rawId === '' && text === '') return;
    if (!/^\d+$/.test(rawId)) inputError(`${fileName(files.labels)} line ${line}: '${rawId}' is not a label id`);
    const id = Number(rawId);
    if (id >= labels.length) inputError(`${fileName(files.labels)} line ${line}: label id ${id} is out of range (0–${labels.length - 1}: ${labels.join(', ')})`);
    rowsRead += 1;
    if (text === '') {
      emptyText += 1;
      return;
    }
    rows.push({ text, gold: labels[id]!, line });
  });
  if (rows.length === 0) inputError(`${files.text} holds no labelled tweets`);
  const notes = [
    fs.existsSync(mappingFile) ? `labels from ${mappingFile}: ${labels.map((l, i) => `${i} ${l}`).join(', ')}` : `no mapping.txt beside the data: TweetEval's ids ${labels.map((l, i) => `${i} ${l}`).join(', ')}`,
  ];
  if (emptyText) notes.push(`${count(emptyText)} rows with an empty text left out`);
  return {
    format: task === 'sentiment' ? 'tweeteval-sentiment' : 'tweeteval-emotion',
    files: [files.text, files.labels],
    split: splitFromFileName(files.text),
    labels,
    rows,
    rowsRead,
    notes,
  };
}
