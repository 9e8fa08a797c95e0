import { fileName, readTextFile } from './dataFiles';
import { inputError } from './evaluationError';
import { count, splitFromFileName, textLines, type LabelledData, type LabelledRow } from './labelledData';

export const SST2_LABELS = ['negative', 'positive'] as const;

/**
 * GLUE SST-2: `sentence<TAB>label` (0 negative, 1 positive), usually with a header line. A header
 * names the columns, so other column orders (e.g. `idx<TAB>sentence<TAB>label`) read too.
 */
export function readSst2(file: string): LabelledData {
  const lines = textLines(readTextFile(file));
  let sentenceColumn = 0;
  let labelColumn = 1;
  let header = false;
  let columns = 2;
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first >= 0) {
    const names = lines[first]!.split('\t').map((name) => name.trim().toLowerCase());
    if (names.includes('label')) {
      header = true;
      columns = names.length;
      labelColumn = names.indexOf('label');
      sentenceColumn = names.findIndex((name) => name === 'sentence' || name === 'text');
      if (sentenceColumn < 0) inputError(`${fileName(file)} line ${first + 1}: the header has a 'label' column but no 'sentence' column`);
    }
  }
  const rows: LabelledRow[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || (header && index === first)) return;
    const fields = raw.split('\t');
    if (fields.length !== columns) {
      const expected = header ? `${columns} columns as in the header` : 'sentence<TAB>label (SST-2 format)';
      inputError(`${fileName(file)} line ${line}: expected ${expected}, found ${fields.length} column${fields.length === 1 ? '' : 's'}`);
    }
    const label = fields[labelColumn]!.trim();
    if (label !== '0' && label !== '1') inputError(`${fileName(file)} line ${line}: label '${label}' is not 0 (negative) or 1 (positive)`);
    const text = fields[sentenceColumn]!.trim();
    rows.push({ text, gold: SST2_LABELS[Number(label)]!, line });
  });
  if (rows.length === 0) inputError(`${file} holds no SST-2 rows`);
  const notes = [header ? 'the first line was read as a header' : 'no header line'];
  const empty = rows.filter((row) => row.text === '').length;
  const kept = rows.filter((row) => row.text !== '');
  if (empty) notes.push(`${count(empty)} rows with an empty sentence left out`);
  if (kept.length === 0) inputError(`${file} holds no SST-2 rows with a sentence`);
  return { format: 'sst2', files: [file], split: splitFromFileName(file), labels: [...SST2_LABELS], rows: kept, rowsRead: rows.length, notes };
}
