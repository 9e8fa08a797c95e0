import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './tempDir';

function unreadable(dir: string): boolean {
  try {
    fs.readdirSync(dir);
    return false;
  } catch {
    return true;
  }
}

/**
 * A folder this process cannot list, and a folder holding one. As a normal user, a temp folder with
 * mode 000; as root (who ignores modes), a process's private /proc folders stand in where the
 * kernel refuses them (as in containers: /proc/1/fdinfo). Null when neither can be had here.
 */
export function unreadableFolders(): { unreadable: string; holder: string } | null {
  if (process.getuid?.() !== 0) {
    const holder = tempDir('kinship-private-');
    const inside = path.join(holder, 'private');
    fs.mkdirSync(inside, { mode: 0o000 });
    fs.chmodSync(inside, 0o000);
    if (unreadable(inside)) return { unreadable: inside, holder };
  }
  for (const candidate of ['/proc/1/fdinfo', '/proc/1/map_files', '/proc/1/fd']) {
    if (fs.existsSync(candidate) && unreadable(candidate)) return { unreadable: candidate, holder: path.dirname(candidate) };
  }
  return null;
}
