import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services/api/createApi';
import { openWorkspace } from '../../electron/services/api/workspace';
import { createEventBus } from '../../electron/services/events/eventBus';
import { canonicalKey, COMMAND_IDS, commandTitle, DEFAULT_KEYMAP, keyClash, keymapConflicts, keyProblem, macroKeyProblem } from '../../shared/contract/keymap';
import { tempDir } from '../helpers/tempDir';

describe('the keymap rules', () => {
  it('has defaults that are all usable and all different', () => {
    for (const id of COMMAND_IDS) expect(keyProblem(DEFAULT_KEYMAP[id]), id).toBeNull();
    expect(keymapConflicts(DEFAULT_KEYMAP)).toEqual([]);
  });

  it('spells a key one way', () => {
    expect(canonicalKey('shift+mod+k')).toBe('Mod+Shift+K');
    expect(canonicalKey('j')).toBe('j');
    expect(canonicalKey('Alt + p')).toBe('Alt+P');
  });

  it('refuses browser, OS and AltGr combinations and nonsense', () => {
    expect(keyProblem('Mod+W')).toMatch(/browser or the operating system/);
    expect(keyProblem('Mod+Alt+E')).toMatch(/AltGr/);
    expect(keyProblem('Hyper+Q')).toMatch(/not a key/);
  });

  it('refuses the browser’s tab keys, reload and the like, saying what the browser does with them', () => {
    expect(keyProblem('Mod+1')).toBe('Mod+1 belongs to the browser or the operating system (it switches to browser tab 1)');
    expect(keyProblem('mod+9')).toMatch(/^Mod\+9 belongs to the browser/);
    expect(keyProblem('Mod+L')).toMatch(/address bar/);
    expect(keyProblem('F5')).toMatch(/reloads the page/);
    expect(keyProblem('Mod+Shift+R')).toMatch(/reloads the page/);
    expect(macroKeyProblem('Mod+1')).toBe(keyProblem('Mod+1'));
    expect(macroKeyProblem('Mod+Shift+1')).toBeNull();
    expect(macroKeyProblem('y')).toMatch(/needs Ctrl\/⌘ or Alt/);
  });

  it('names the other action as a person reads it', () => {
    expect(keyClash('mod+k', commandTitle('palette.open'))).toBe('Mod+K is already used by Open the command palette');
  });

  it('finds two commands on one key', () => {
    expect(keymapConflicts({ ...DEFAULT_KEYMAP, 'composer.note': 'r' })).toEqual([{ key: 'r', commands: ['composer.reply', 'composer.note'] }]);
  });
});

describe('the keymap over the api', () => {
  it('saves changes, refuses a conflict or a reserved key whole, and restores the defaults', async () => {
    const bus = createEventBus();
    const api = await createApi({ host: 'web', bus, workspace: await openWorkspace(path.join(tempDir(), 'kinship.sqlite'), bus) });
    expect(await api.call('keymap.get', {}, await api.deskCaller(null))).toEqual({ ok: true, value: DEFAULT_KEYMAP });
    const changed = await api.call('keymap.set', { bindings: { 'conversation.resolve': 'shift+d' } }, await api.deskCaller(null));
    expect(changed).toMatchObject({ ok: true, value: { 'conversation.resolve': 'Shift+D', 'conversation.next': 'j' } });
    const conflict = await api.call('keymap.set', { bindings: { 'conversation.resolve': 'x', 'composer.note': 'j' } }, await api.deskCaller(null));
    expect(conflict).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'bindings.composer.note', message: 'j is already used by Next conversation' }] } });
    expect(await api.call('keymap.set', { bindings: { 'palette.open': 'Mod+W' } }, await api.deskCaller(null))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.call('keymap.set', { bindings: { 'go.inbox': 'Mod+1' } }, await api.deskCaller(null))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ path: 'bindings.go.inbox', message: 'Mod+1 belongs to the browser or the operating system (it switches to browser tab 1)' }] },
    });
    // a macro's key is taken too
    await api.call('macros.save', { macros: [{ id: 'thanks', name: 'Thanks', body: 'Thanks!', shortcut: 'Mod+Shift+Y' }] }, await api.deskCaller(null));
    expect(await api.call('keymap.set', { bindings: { 'go.inbox': 'Mod+Shift+Y' } }, await api.deskCaller(null))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ path: 'bindings.go.inbox', message: 'Mod+Shift+Y is already used by the macro “Thanks”' }] },
    });
    expect(await api.call('keymap.get', {}, await api.deskCaller(null))).toMatchObject({ ok: true, value: { 'conversation.resolve': 'Shift+D', 'composer.note': 'n', 'palette.open': 'Mod+K' } });
    expect(await api.call('keymap.set', { bindings: {} }, await api.deskCaller(null))).toEqual({ ok: true, value: DEFAULT_KEYMAP });
  });
});
