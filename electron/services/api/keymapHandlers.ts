import { ApiError } from '../../../shared/contract/errors';
import { canonicalKey, COMMAND_IDS, commandTitle, DEFAULT_KEYMAP, keyClash, keymapConflicts, keyProblem, type CommandId, type Keymap } from '../../../shared/contract/keymap';
import { macroKeysOf } from './macroHandlers';
import { keymapOf, saveKeymapOverrides } from './personalSettings';
import type { Handlers } from './dispatch';
import type { ReadyWorkspace } from './workspace';

/** Each person's keymap: the defaults with their changes, refused whole if any key is unusable or taken twice. */
export function createKeymapHandlers(ready: () => ReadyWorkspace): Pick<Handlers, 'keymap.get' | 'keymap.set'> {
  return {
    'keymap.get': (_params, caller) => keymapOf(ready().store, caller.person.id),
    'keymap.set': async ({ bindings }, caller) => {
      const { store } = ready();
      const issues: { path: string; message: string }[] = [];
      const overrides: Partial<Keymap> = {};
      for (const id of COMMAND_IDS) {
        const key = bindings[id];
        if (key === undefined) continue;
        const problem = keyProblem(key);
        if (problem) issues.push({ path: `bindings.${id}`, message: problem });
        else if (canonicalKey(key) !== DEFAULT_KEYMAP[id]) overrides[id] = canonicalKey(key);
      }
      const next = { ...DEFAULT_KEYMAP, ...overrides };
      for (const conflict of keymapConflicts(next)) {
        issues.push({ path: `bindings.${conflict.commands[1] as CommandId}`, message: keyClash(conflict.key, commandTitle(conflict.commands[0]!)) });
      }
      // a macro's own key is taken too (the team's and this person's own)
      const macroKeys = await macroKeysOf(store, caller.person.id);
      for (const id of COMMAND_IDS) {
        const holder = overrides[id] !== undefined ? macroKeys.get(overrides[id]!) : undefined;
        if (holder) issues.push({ path: `bindings.${id}`, message: keyClash(overrides[id]!, holder) });
      }
      if (issues.length) throw new ApiError('invalid-input', `The keymap was not saved: ${issues.map((i) => i.message).join('; ')}`, issues);
      await saveKeymapOverrides(store, caller.person.id, overrides);
      return keymapOf(store, caller.person.id);
    },
  };
}
