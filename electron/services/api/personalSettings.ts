import { DEFAULT_KEYMAP, type Keymap } from '../../../shared/contract/keymap';
import { DEFAULT_MACROS, type Macro } from '../../../shared/contract/macros';
import type { Store } from '../store/store';

/** The team's macros (one list, which supervisors and admins change). */
const TEAM_MACROS_SETTING = 'macros';
/** Before keys were per person, the desk's one keymap: a person with no keymap of their own starts from it. */
const DESK_KEYMAP_SETTING = 'keymap.overrides';
const keymapSetting = (userId: number) => `keymap.overrides.${userId}`;
const personalMacrosSetting = (userId: number) => `macros.personal.${userId}`;

/** The team's canned responses: the defaults until the team changes them. */
export function teamMacrosOf(store: Store): Macro[] {
  return store.settings.get<Macro[]>(TEAM_MACROS_SETTING) ?? DEFAULT_MACROS;
}

export function saveTeamMacros(store: Store, macros: Macro[]): void {
  store.settings.set(TEAM_MACROS_SETTING, macros);
}

/** A person's own canned responses (none until they make some). */
export function personalMacrosOf(store: Store, userId: number): Macro[] {
  return store.settings.get<Macro[]>(personalMacrosSetting(userId)) ?? [];
}

export function savePersonalMacros(store: Store, userId: number, macros: Macro[]): void {
  store.settings.set(personalMacrosSetting(userId), macros);
}

/** What a person's composer offers: the team's macros, then their own (marked personal). */
export function macrosFor(store: Store, userId: number): Macro[] {
  return [...teamMacrosOf(store), ...personalMacrosOf(store, userId).map((macro) => ({ ...macro, personal: true as const }))];
}

/** The keys a person changed from the defaults (their own; else the desk's from before keys were per person). */
export function keymapOverridesOf(store: Store, userId: number): Partial<Keymap> {
  return store.settings.get<Partial<Keymap>>(keymapSetting(userId)) ?? store.settings.get<Partial<Keymap>>(DESK_KEYMAP_SETTING) ?? {};
}

export function keymapOf(store: Store, userId: number): Keymap {
  return { ...DEFAULT_KEYMAP, ...keymapOverridesOf(store, userId) };
}

export function saveKeymapOverrides(store: Store, userId: number, overrides: Partial<Keymap>): void {
  store.settings.set(keymapSetting(userId), overrides);
}
