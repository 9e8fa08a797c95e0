import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetWorkspaceChoice, readWorkspaceChoice, WORKSPACE_CHOICE_FILE, writeWorkspaceChoice } from '../../../electron/host/workspaceChoiceFile';
import { tempDir } from '../../helpers/tempDir';

describe('where this copy of Kinship works, as kept between starts', () => {
  it('none at first; a choice is kept, read back, and forgotten', () => {
    const dir = tempDir();
    expect(readWorkspaceChoice(dir)).toBeNull();
    writeWorkspaceChoice(dir, { kind: 'team', origin: 'https://kinship.example.com' });
    expect(readWorkspaceChoice(dir)).toEqual({ kind: 'team', origin: 'https://kinship.example.com' });
    writeWorkspaceChoice(dir, { kind: 'desk' });
    expect(readWorkspaceChoice(dir)).toEqual({ kind: 'desk' });
    forgetWorkspaceChoice(dir);
    expect(readWorkspaceChoice(dir)).toBeNull();
  });

  it('a damaged or foreign file is no choice: the first screen asks again, nothing throws', () => {
    const dir = tempDir();
    for (const text of ['{', '"desk"', '{"kind":"cloud"}', '{"kind":"team"}', '{"kind":"desk","extra":1}']) {
      fs.writeFileSync(path.join(dir, WORKSPACE_CHOICE_FILE), text);
      expect(readWorkspaceChoice(dir), text).toBeNull();
    }
  });
});
