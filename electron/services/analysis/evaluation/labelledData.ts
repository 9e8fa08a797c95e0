/** What every data-set reader gives back: single-label rows and a plain account of what was read. */

export const DATA_FORMATS = ['goemotions', 'tweeteval-sentiment', 'tweeteval-emotion', 'sst2'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export interface LabelledRow {
  text: string;
  /** The gold label's name, one of LabelledData.labels. */
  gold: string;
  /** 1-based line in the data file, for messages. */
  line: number;
}

export interface LabelledData {
  format: DataFormat;
  /** The files that were read. */
  files: string[];
  /** The split the file holds, from its name (train, dev/val, test), or null when the name does not say. */
  split: string | null;
  /** Every gold label the format can have, in the data set's own order. */
  labels: string[];
  rows: LabelledRow[];
  /** Rows in the file before anything was left out. */
  rowsRead: number;
  /** What was left out or assumed, in plain words (e.g. "1,234 multi-label rows left out"). */
  notes: string[];
}

/** The split a data file holds, from its name: train.tsv, dev.tsv, val_text.txt, test_labels.txt, … */
export function splitFromFileName(file: string): string | null {
  const name = file.split(/[\\/]/).pop()!.toLowerCase();
  const match = /(?:^|[^a-z])(train|dev|val|validation|test)(?:[^a-z]|$)/.exec(name);
  if (!match) return null;
  return match[1] === 'validation' ? 'val' : match[1]!;
}

/** Lines of a text file without line endings, with trailing blank lines dropped. */
export function textLines(content: string): string[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines;
}

export const count = (n: number) => n.toLocaleString('en-US');
