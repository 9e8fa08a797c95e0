import type { StoreProblem } from '../../../shared/contract/domain';

/** Why the data file could not be used, in words a user can act on. Nothing was changed. */
export class StoreOpenError extends Error {
  readonly reason: StoreProblem;
  readonly path: string;

  constructor(reason: StoreProblem, path: string, message: string) {
    super(message);
    this.name = 'StoreOpenError';
    this.reason = reason;
    this.path = path;
  }
}

export function describeStoreProblem(reason: StoreProblem, path: string, detail: string): string {
  switch (reason) {
    case 'locked':
      return `The Kinship data file ${path} is locked by another program (is Kinship already open?). Close the other program and start again; nothing was changed.`;
    case 'unreadable':
      return `The file ${path} is not a Kinship data file Kinship can read (${detail}). It was left untouched: move it aside to start a new workspace, or restore a backup.`;
    case 'newer-version':
      return `The Kinship data file ${path} was written by a newer Kinship (${detail}). Update Kinship to open it; the file was left untouched.`;
    case 'io':
      return `Kinship could not open its data file ${path} (${detail}). Check that the folder exists and is writable; nothing was changed.`;
  }
}
