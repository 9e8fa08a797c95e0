import fs from 'node:fs';
import path from 'node:path';
import { inputError } from '../../analysis';

/**
 * The USS dialogues (Sun et al., SIGIR 2021): one file per data set, lines
 * `ROLE<TAB>text<TAB>action<TAB>r1,r2,...`, dialogues separated by blank lines, each ending with
 * `USER<TAB>OVERALL<TAB><TAB>ratings` (the raters' 1–5 satisfaction with the whole dialogue).
 */

export const USS_DATA_SETS = ['MWOZ', 'ReDial', 'CCPE'] as const;
export type UssDataSet = (typeof USS_DATA_SETS)[number];

export interface UssTurn {
  role: 'USER' | 'SYSTEM';
  text: string;
  action: string;
  /** The raters' 1–5 satisfaction after this turn (USER turns); empty for SYSTEM turns. */
  ratings: number[];
}

export interface UssDialogue {
  /** 1-based position in its file. */
  index: number;
  turns: UssTurn[];
  overall: number[];
  /** Mean of the OVERALL ratings. */
  overallMean: number;
}

export interface UssFile {
  dataSet: string;
  path: string;
  dialogues: UssDialogue[];
  /** Dialogues left out, and why (e.g. no OVERALL line). */
  skipped: string[];
}

function ratingsOf(field: string | undefined): number[] {
  if (!field) return [];
  return field
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .map(Number)
    .filter((value) => Number.isFinite(value));
}

/** Parses the text of one USS file; `name` is used in messages. */
export function parseUss(text: string, name: string): { dialogues: UssDialogue[]; skipped: string[] } {
  const dialogues: UssDialogue[] = [];
  const skipped: string[] = [];
  let turns: UssTurn[] = [];
  let startLine = 0;
  let position = 0;

  const close = (overall: number[] | null) => {
    if (turns.length === 0 && overall === null) return;
    position += 1;
    if (overall === null) skipped.push(`${name} dialogue ${position} (line ${startLine}): no OVERALL line`);
    else if (overall.length === 0) skipped.push(`${name} dialogue ${position} (line ${startLine}): OVERALL has no ratings`);
    else dialogues.push({ index: position, turns, overall, overallMean: overall.reduce((a, b) => a + b, 0) / overall.length });
    turns = [];
  };

  const lines = text.split(/\r?\n/);
  lines.forEach((line, lineIndex) => {
    if (line.trim() === '') {
      close(null);
      return;
    }
    if (turns.length === 0) startLine = lineIndex + 1;
    const [role = '', turnText = '', action = '', ratings] = line.split('\t');
    if (role === 'USER' && turnText === 'OVERALL') {
      close(ratingsOf(ratings));
      return;
    }
    if (role !== 'USER' && role !== 'SYSTEM') inputError(`${name} line ${lineIndex + 1}: expected USER or SYSTEM at the start, found '${role.slice(0, 20)}'`);
    turns.push({ role, text: turnText, action, ratings: ratingsOf(ratings) });
  });
  close(null);
  return { dialogues, skipped };
}

/** The data sets in a USS folder (MWOZ.txt, ReDial.txt, CCPE.txt), in that order; at least one must be there. */
export function readUssFolder(dir: string, only?: readonly string[]): UssFile[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) inputError(`no USS data folder at ${dir} (give one with --data <dir>)`);
  const wanted = only && only.length > 0 ? only : USS_DATA_SETS;
  const files: UssFile[] = [];
  for (const dataSet of wanted) {
    const file = path.join(dir, `${dataSet}.txt`);
    if (!fs.existsSync(file)) {
      if (only && only.length > 0) inputError(`no ${dataSet}.txt in ${dir}`);
      continue;
    }
    const { dialogues, skipped } = parseUss(fs.readFileSync(file, 'utf8'), `${dataSet}.txt`);
    files.push({ dataSet, path: file, dialogues, skipped });
  }
  if (files.length === 0) inputError(`no USS data in ${dir} (expected ${USS_DATA_SETS.map((s) => `${s}.txt`).join(', ')})`);
  return files;
}
