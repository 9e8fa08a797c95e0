import { ApiError } from '../../../shared/contract/errors';
import { canonicalKey, COMMAND_IDS, commandTitle, keyClash, macroKeyProblem } from '../../../shared/contract/keymap';
import type { Macro } from '../../../shared/contract/macros';
import type { Store } from '../store/store';
import type { Handlers } from './dispatch';
import { keymapOf, macrosFor, personalMacrosOf, savePersonalMacros, saveTeamMacros, teamMacrosOf } from './personalSettings';
import type { ReadyWorkspace } from './workspace';

/** The keys a person's macros use (the team's and their own), each with what a person calls it ("the macro “Thank you”"). */
export async function macroKeysOf(store: Store, userId: number): Promise<Map<string, string>> {
  return new Map((await macrosFor(store, userId)).flatMap((macro) => (macro.shortcut ? [[canonicalKey(macro.shortcut), `the macro “${macro.name}”`] as const] : [])));
}

/** The team's canned responses (the coach flags a reply that is one of them word for word). */
export const macrosOf = teamMacrosOf;

/**
 * Canned responses: the team's (the defaults until a supervisor or admin changes them) and each
 * person's own beside them. A list is refused whole if a name or key clashes: within it, with the
 * person's keymap, or with the other list's keys.
 */
export function createMacroHandlers(ready: () => ReadyWorkspace, now: () => number): Pick<Handlers, 'macros.list' | 'macros.save' | 'macros.savePersonal'> {
  async function checked(macros: Macro[], userId: number, others: Macro[]): Promise<Macro[]> {
    const { store } = ready();
    const keymap = await keymapOf(store, userId);
    const taken = new Map<string, string>(COMMAND_IDS.map((id) => [canonicalKey(keymap[id]), commandTitle(id)]));
    for (const other of others) if (other.shortcut) taken.set(canonicalKey(other.shortcut), `the macro “${other.name}”`);
    const issues: { path: string; message: string }[] = [];
    const ids = new Set<string>(others.map((other) => other.id));
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
    return saved;
  }

  return {
    'macros.list': (_params, caller) => macrosFor(ready().store, caller.person.id),
    'macros.save': async ({ macros }, caller) => {
      const { store } = ready();
      const saved = await checked(macros, caller.person.id, await personalMacrosOf(store, caller.person.id));
      await store.transaction(async () => {
        await saveTeamMacros(store, saved);
        await store.sessionEvents.append({ at: now(), kind: 'macros.changed', conversationId: null, messageId: null, userId: caller.person.id, payload: { macros: saved.length } });
      });
      return macrosFor(store, caller.person.id);
    },
    'macros.savePersonal': async ({ macros }, caller) => {
      const { store } = ready();
      const saved = await checked(macros, caller.person.id, await teamMacrosOf(store));
      await savePersonalMacros(store, caller.person.id, saved);
      return macrosFor(store, caller.person.id);
    },
  };
}
