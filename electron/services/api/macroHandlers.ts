import { ApiError } from '../../../shared/contract/errors';
import { canonicalKey, COMMAND_IDS, commandTitle, DEFAULT_KEYMAP, keyClash, macroKeyProblem, type Keymap } from '../../../shared/contract/keymap';
import { DEFAULT_MACROS, type Macro } from '../../../shared/contract/macros';
import type { Store } from '../store/store';
import type { Handlers } from './dispatch';
import type { ReadyWorkspace } from './workspace';

const MACROS_SETTING = 'macros';
const KEYMAP_SETTING = 'keymap.overrides';

/** The keys the team's macros use, each with what a person calls it ("the macro “Thank you”"). */
export function macroKeysOf(store: Store): Map<string, string> {
  return new Map(macrosOf(store).flatMap((macro) => (macro.shortcut ? [[canonicalKey(macro.shortcut), `the macro “${macro.name}”`] as const] : [])));
}

/** The team's canned responses: the defaults until the team changes them. */
export function macrosOf(store: Store): Macro[] {
  return store.settings.get<Macro[]>(MACROS_SETTING) ?? DEFAULT_MACROS;
}

/** Canned responses: the defaults until the team changes them; refused whole if a name or key clashes. */
export function createMacroHandlers(ready: () => ReadyWorkspace): Pick<Handlers, 'macros.list' | 'macros.save'> {
  const list = () => macrosOf(ready().store);
  return {
    'macros.list': () => list(),
    'macros.save': ({ macros }) => {
      const { store } = ready();
      const keymap: Keymap = { ...DEFAULT_KEYMAP, ...(store.settings.get<Partial<Keymap>>(KEYMAP_SETTING) ?? {}) };
      const taken = new Map<string, string>(COMMAND_IDS.map((id) => [canonicalKey(keymap[id]), commandTitle(id)]));
      const issues: { path: string; message: string }[] = [];
      const ids = new Set<string>();
      const names = new Set<string>();
      const saved = macros.map((macro, index) => {
        if (ids.has(macro.id)) issues.push({ path: `macros.${index}.id`, message: `the id ${macro.id} is used twice` });
        if (names.has(macro.name.toLowerCase())) issues.push({ path: `macros.${index}.name`, message: `the name “${macro.name}” is used twice` });
        ids.add(macro.id);
        names.add(macro.name.toLowerCase());
        if (macro.shortcut === null) return macro;
        const shortcut = canonicalKey(macro.shortcut);
        // the one rule for keys (shared/contract/keymap.ts), as Settings → Keyboard and keymap.set keep it
        const problem = macroKeyProblem(shortcut);
        if (problem) issues.push({ path: `macros.${index}.shortcut`, message: problem });
        else if (taken.has(shortcut)) issues.push({ path: `macros.${index}.shortcut`, message: keyClash(shortcut, taken.get(shortcut)!) });
        taken.set(shortcut, `the macro “${macro.name}”`);
        return { ...macro, shortcut };
      });
      if (issues.length) throw new ApiError('invalid-input', `The macros were not saved: ${issues.map((i) => i.message).join('; ')}`, issues);
      store.settings.set(MACROS_SETTING, saved);
      return saved;
    },
  };
}
