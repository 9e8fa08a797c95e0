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
export async function teamMacrosOf(store: Store): Promise<Macro[]> {
  return await store.settings.get<Macro[]>(TEAM_MACROS_SETTING) ?? DEFAULT_MACROS;
}

export async function saveTeamMacros(store: Store, macros: Macro[]): Promise<void> {
  await store.settings.set(TEAM_MACROS_SETTING, macros);
}

/** A person's own canned responses (none until they make some). */
export async function personalMacrosOf(store: Store, userId: number): Promise<Macro[]> {
  return await store.settings.get<Macro[]>(personalMacrosSetting(userId)) ?? [];
}

export async function savePersonalMacros(store: Store, userId: number, macros: Macro[]): Promise<void> {
  await store.settings.set(personalMacrosSetting(userId), macros);
}

/** What a person's composer offers: the team's macros, then their own (marked personal). */
export async function macrosFor(store: Store, userId: number): Promise<Macro[]> {
  return [...await teamMacrosOf(store), ...(await personalMacrosOf(store, userId)).map((macro) => ({ ...macro, personal: true as const }))];
}

/** The keys a person changed from the defaults (their own; else the desk's from before keys were per person). */
export async function keymapOverridesOf(store: Store, userId: number): Promise<Partial<Keymap>> {
  return await store.settings.get<Partial<Keymap>>(keymapSetting(userId)) ?? await store.settings.get<Partial<Keymap>>(DESK_KEYMAP_SETTING) ?? {};
}

export async function keymapOf(store: Store, userId: number): Promise<Keymap> {
  return { ...DEFAULT_KEYMAP, ...(await keymapOverridesOf(store, userId)) };
}

export async function saveKeymapOverrides(store: Store, userId: number, overrides: Partial<Keymap>): Promise<void> {
  await store.settings.set(keymapSetting(userId), overrides);
}
