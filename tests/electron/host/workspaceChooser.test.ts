import { describe, expect, it } from 'vitest';
import { readWorkspaceChoice } from '../../../electron/host/workspaceChoiceFile';
import { createWorkspaceChooser } from '../../../electron/host/workspaceChooser';
import type { WorkspaceChoiceResult } from '../../../shared/contract/workspaceChoice';
import { tempDir } from '../../helpers/tempDir';

/** The chooser over a temp folder, with a probe that answers `reached`; what it opened. */
function chooser(reached: WorkspaceChoiceResult = { ok: true }) {
  const dataDir = tempDir();
  const opened: string[] = [];
  const probed: string[] = [];
  const choose = createWorkspaceChooser({
    dataDir,
    probe: (origin) => (probed.push(origin), Promise.resolve(reached)),
    openDesk: () => opened.push('desk'),
    openTeam: (origin) => opened.push(origin),
  });
  return { dataDir, opened, probed, choose };
}

describe('the first screen’s answer, in the main process', () => {
  it('this desk: kept and opened', async () => {
    const { dataDir, opened, choose } = chooser();
    expect(await choose({ kind: 'desk' })).toEqual({ ok: true });
    expect(opened).toEqual(['desk']);
    expect(readWorkspaceChoice(dataDir)).toEqual({ kind: 'desk' });
  });

  it('a team server that answers as Kinship: asked first, then kept as its origin and opened', async () => {
    const { dataDir, opened, probed, choose } = chooser();
    expect(await choose({ kind: 'team', origin: 'Kinship.example.com/inbox' })).toEqual({ ok: true });
    expect(probed).toEqual(['https://kinship.example.com']);
    expect(opened).toEqual(['https://kinship.example.com']);
    expect(readWorkspaceChoice(dataDir)).toEqual({ kind: 'team', origin: 'https://kinship.example.com' });
  });

  it('an address in clear, or a server that does not answer as Kinship: nothing kept, nothing opened, said why', async () => {
    const clear = chooser();
    expect(await clear.choose({ kind: 'team', origin: 'http://kinship.example.com' })).toMatchObject({ ok: false, message: expect.stringContaining('https://') });
    expect(clear.probed).toEqual([]);
    const wrong = chooser({ ok: false, message: 'not Kinship' });
    expect(await wrong.choose({ kind: 'team', origin: 'kinship.example.com' })).toEqual({ ok: false, message: 'not Kinship' });
    for (const { dataDir, opened } of [clear, wrong]) {
      expect(opened).toEqual([]);
      expect(readWorkspaceChoice(dataDir)).toBeNull();
    }
  });
});
