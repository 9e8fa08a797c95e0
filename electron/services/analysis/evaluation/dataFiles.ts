import fs from 'node:fs';
import path from 'node:path';
import { inputError } from './evaluationError';

/** The text of a data file, or a plain EvaluationInputError when it is missing, a folder or unreadable. */
export function readTextFile(file: string, what = 'data file'): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return inputError(`${what} not found: ${file}`);
  }
  if (stat.isDirectory()) inputError(`${what} is a folder, not a file: ${file}`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    return inputError(`${what} cannot be read: ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** The file's name, for messages that point at a line. */
export const fileName = (file: string) => path.basename(file);

export const isFolder = (file: string) => fs.existsSync(file) && fs.statSync(file).isDirectory();
