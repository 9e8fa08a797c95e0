import fs from 'node:fs';
import path from 'node:path';
import { parseWorkspaceChoice, type WorkspaceChoice } from '../../shared/contract/workspaceChoice';

/** The file beside the desk's workspace that remembers where this copy of Kinship works. */
export const WORKSPACE_CHOICE_FILE = 'workspace-choice.json';

/** The choice kept in `dataDir`, or null when none was made (or the file is unreadable: the first screen asks again). */
export function readWorkspaceChoice(dataDir: string): WorkspaceChoice | null {
  try {
    return parseWorkspaceChoice(JSON.parse(fs.readFileSync(path.join(dataDir, WORKSPACE_CHOICE_FILE), 'utf8')));
  } catch {
    return null;
  }
}

/** Keeps the choice (written whole, then renamed into place: a crash leaves the old one or the new one). */
export function writeWorkspaceChoice(dataDir: string, choice: WorkspaceChoice): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, WORKSPACE_CHOICE_FILE);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(choice));
  fs.renameSync(`${file}.tmp`, file);
}

/** Forgets the choice: the next start shows the first screen. */
export function forgetWorkspaceChoice(dataDir: string): void {
  fs.rmSync(path.join(dataDir, WORKSPACE_CHOICE_FILE), { force: true });
}
