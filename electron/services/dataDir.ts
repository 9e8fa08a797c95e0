import os from 'node:os';
import path from 'node:path';

export const DATABASE_FILE_NAME = 'kinship.sqlite';

/** Where the web host keeps its workspace: KINSHIP_DATA_DIR, or a folder in the user's home. */
export function webHostDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.KINSHIP_DATA_DIR?.trim();
  return configured ? path.resolve(configured) : path.join(os.homedir(), '.kinship');
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE_NAME);
}
