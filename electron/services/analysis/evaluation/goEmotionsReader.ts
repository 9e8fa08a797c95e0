import fs from 'node:fs';
import path from 'node:path';
import { GOEMOTIONS_LABELS } from '../labels/goEmotions';
import { fileName, readTextFile } from './dataFiles';
import { inputError } from './evaluationError';
import { count, splitFromFileName, textLines, type LabelledData, type LabelledRow } from './labelledData';

/**
 * The 28 GoEmotions labels in the order their ids index them (the data set's emotions.txt:
 * 27 emotions alphabetically, then neutral = 27).
 */
export const GOEMOTIONS_ID_ORDER: readonly string[] = [
  'admiration', 'amusement', 'anger', 'annoyance', 'approval', 'caring', 'confusion', 'curiosity', 'desire', 'disappointment',
  'disapproval', 'disgust', 'embarrassment', 'excitement', 'fear', 'gratitude', 'grief', 'joy', 'love', 'nervousness',
  'optimism', 'pride', 'realization', 'relief', 'remorse', 'sadness', 'surprise', 'neutral',
];

/** The label order: from an emotions.txt beside the data file when there is one, else the standard order. */
function labelOrder(dataFile: string): { labels: readonly string[]; from: string | null } {
  const beside = path.join(path.dirname(dataFile), 'emotions.txt');
  if (!fs.existsSync(beside)) return { labels: GOEMOTIONS_ID_ORDER, from: null };
  const labels = textLines(readTextFile(beside, 'emotions.txt')).map((line) => line.trim().toLowerCase()).filter(Boolean);
  const unknown = labels.filter((label) => !GOEMOTIONS_LABELS.includes(label));
  if (unknown.length) inputError(`${beside} names ${unknown.map((l) => `'${l}'`).join(', ')}, which GoEmotions does not have`);
  const missing = GOEMOTIONS_LABELS.filter((label) => !labels.includes(label));
  if (missing.length || labels.length !== GOEMOTIONS_LABELS.length) {
    inputError(`${beside} should list the 28 GoEmotions labels once each (${labels.length} lines; missing: ${missing.join(', ') || 'none'})`);
  }
  return { labels, from: beside };
}

const IDS = /^\s*\d+(\s*,\s*\d+)*\s*$/;

/**
 * GoEmotions TSV: `text<TAB>label ids (comma-separated)<TAB>comment id`. Keeps the single-label view
 * (rows with exactly one label); multi-label rows are counted and left out.
 */
export function readGoEmotions(file: string): LabelledData {
  const content = readTextFile(file);
  const { labels, from } = labelOrder(file);
  const rows: LabelledRow[] = [];
  let rowsRead = 0;
  let multiLabel = 0;
  let header = false;
  const lines = textLines(content);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const fields = raw.split('\t');
    if (fields.length < 3) {
      inputError(`${fileName(file)} line ${line}: expected text<TAB>label ids<TAB>comment id (GoEmotions format), found ${fields.length} column${fields.length === 1 ? '' : 's'}`);
    }
    const ids = fields[fields.length - 2]!;
    if (!IDS.test(ids)) {
      if (rowsRead === 0 && !header) {
        header = true; // a header line such as "text<TAB>labels<TAB>id"
        return;
      }
      inputError(`${fileName(file)} line ${line}: label ids '${ids}' are not comma-separated numbers`);
    }
    const text = fields.slice(0, -2).join('\t');
    const labelIds = [...new Set(ids.split(',').map((id) => Number(id.trim())))];
    for (const id of labelIds) {
      if (id >= labels.length) inputError(`${fileName(file)} line ${line}: label id ${id} is out of range (GoEmotions ids are 0–${labels.length - 1})`);
    }
    rowsRead += 1;
    if (labelIds.length !== 1) {
      multiLabel += 1;
      return;
    }
    rows.push({ text, gold: labels[labelIds[0]!]!, line });
  });
  if (rowsRead === 0) inputError(`${file} holds no GoEmotions rows`);
  if (rows.length === 0) inputError(`${file} holds no single-label rows to evaluate (all ${count(rowsRead)} rows have several labels)`);
  const notes = [
    `single-label view: ${count(rows.length)} of ${count(rowsRead)} rows have exactly one label; ${count(multiLabel)} multi-label rows left out`,
    from ? `label order read from ${from}` : 'label order: the standard GoEmotions order (no emotions.txt beside the data file)',
  ];
  if (header) notes.push('the first line was taken as a header');
  return { format: 'goemotions', files: [file], split: splitFromFileName(file), labels: [...labels], rows, rowsRead, notes };
}
