/**
 * Every action a keyboard can reach, its default key, and the rules a keymap must keep. Shared so
 * the console and the Node side judge a keymap the same way.
 *
 * Keys are written "Mod+K" (Mod = Ctrl, or ⌘ on a Mac), "Shift+N", or a single character ("j",
 * "/"). Single characters act only when the focus is not in a text field. Defaults avoid the
 * browser's and the OS's own shortcuts and any Ctrl+Alt combination (AltGr on many layouts).
 */
export const COMMANDS = {
  'palette.open': { title: 'Open the command palette', defaultKey: 'Mod+K' },
  'search.focus': { title: 'Search all messages', defaultKey: '/' },
  'conversation.next': { title: 'Next conversation', defaultKey: 'j' },
  'conversation.previous': { title: 'Previous conversation', defaultKey: 'k' },
  'conversation.nextWaiting': { title: 'Open the conversation waiting longest', defaultKey: 'w' },
  'composer.reply': { title: 'Reply', defaultKey: 'r' },
  'composer.note': { title: 'Write an internal note', defaultKey: 'n' },
  'composer.sendAndPending': { title: 'Send and mark the conversation pending', defaultKey: 'Alt+Shift+Enter' },
  'composer.sendAndResolve': { title: 'Send and resolve the conversation', defaultKey: 'Mod+Shift+Enter' },
  'conversation.resolve': { title: 'Resolve the conversation', defaultKey: 'e' },
  'conversation.snooze': { title: 'Snooze the conversation', defaultKey: 's' },
  'conversation.pending': { title: 'Mark the conversation pending', defaultKey: 'p' },
  // its id is kept from when it was called "assign to me", so keys people bound to it stay theirs
  'conversation.assignToMe': { title: 'Take the conversation', defaultKey: 'a' },
  'conversation.keepBeside': { title: 'Keep this conversation open beside the next one', defaultKey: 'b' },
  'conversation.closeBeside': { title: 'Close the conversation kept beside', defaultKey: 'Shift+B' },
  'conversation.popOut': { title: 'Open the conversation in its own window', defaultKey: 'Shift+O' },
  'go.inbox': { title: 'Go to the inbox', defaultKey: 'Shift+I' },
  'go.settings': { title: 'Go to Settings', defaultKey: 'Shift+S' },
} as const satisfies Record<string, { title: string; defaultKey: string }>;

export type CommandId = keyof typeof COMMANDS;
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];
export type Keymap = Record<CommandId, string>;

export const DEFAULT_KEYMAP = Object.fromEntries(COMMAND_IDS.map((id) => [id, COMMANDS[id].defaultKey])) as Keymap;

/** "Mod+K", "Shift+Alt+P", "j", "/", "F2", "Enter" … (modifiers in any order, one key). */
export const KEY_PATTERN = /^(?:(?:Mod|Shift|Alt)\+){0,3}(?:[a-z0-9]|F\d{1,2}|[/\\.,;'[\]`=-]|Enter|Escape|Tab|Space|ArrowUp|ArrowDown|ArrowLeft|ArrowRight|Home|End|PageUp|PageDown|Delete|Backspace|[A-Z])$/;

/**
 * The one rule for which keys may be bound, used by Settings → Keyboard, Settings → Macros and the
 * contract (keymap.set, macros.save): shortcuts the browser or the operating system keeps for
 * itself, each with what it does there. A page cannot take these (the browser acts first, or the
 * agent loses the tab they work in).
 */
export const RESERVED_KEYS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`Mod+${i + 1}`, `switches to browser tab ${i + 1}`])),
  'Mod+9': 'switches to the last browser tab',
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`Alt+${i + 1}`, `switches browser tabs on Linux`])),
  'Mod+0': 'resets the zoom',
  'Mod+=': 'zooms in',
  'Mod+-': 'zooms out',
  'Mod+W': 'closes the tab',
  'Mod+T': 'opens a new tab',
  'Mod+N': 'opens a new window',
  'Mod+Q': 'quits the browser',
  'Mod+R': 'reloads the page',
  'Mod+Shift+R': 'reloads the page',
  'Mod+L': 'goes to the address bar',
  'Alt+D': 'goes to the address bar',
  'Mod+P': 'prints the page',
  'Mod+F': 'finds in the page',
  'Mod+G': 'finds the next match',
  'Mod+H': 'opens the history',
  'Mod+J': 'opens the downloads',
  'Mod+D': 'bookmarks the page',
  'Mod+S': 'saves the page',
  'Mod+O': 'opens a file',
  'Mod+U': 'shows the page source',
  'Mod+Tab': 'switches browser tabs',
  'Mod+Shift+Tab': 'switches browser tabs',
  'Mod+PageUp': 'switches browser tabs',
  'Mod+PageDown': 'switches browser tabs',
  'Mod+Shift+T': 'reopens a closed tab',
  'Mod+Shift+N': 'opens a private window',
  'Mod+Shift+W': 'closes the window',
  'Mod+Shift+Q': 'quits the browser',
  'Mod+Shift+I': 'opens the developer tools',
  'Mod+Shift+J': 'opens the developer tools',
  'Mod+Shift+C': 'opens the developer tools',
  'Mod+Shift+Delete': 'clears the browsing data',
  'Alt+ArrowLeft': 'goes back a page',
  'Alt+ArrowRight': 'goes forward a page',
  'Alt+Home': 'opens the home page',
  'Alt+F': 'opens the browser menu',
  'Alt+E': 'opens the browser menu',
  'Alt+F4': 'closes the window',
  F1: 'opens the browser’s help',
  F3: 'finds the next match',
  F5: 'reloads the page',
  'Mod+F5': 'reloads the page',
  F6: 'moves to the address bar',
  F7: 'turns on caret browsing',
  F10: 'opens the browser menu',
  F11: 'makes the window full screen',
  F12: 'opens the developer tools',
  Tab: 'moves between fields',
  'Shift+Tab': 'moves between fields',
  Escape: 'leaves a field or closes a dialog',
};

/** Why the browser or the OS keeps a key ("closes the tab"), or null when it does not. */
export function reservedBy(key: string): string | null {
  return RESERVED_KEYS[canonicalKey(key)] ?? null;
}

/** The name of a command as a person reads it: "Open the command palette". */
export function commandTitle(id: CommandId): string {
  return COMMANDS[id].title;
}

/** What a clash says: "Mod+K is already used by Open the command palette". `holder` is what a person calls the other binding. */
export function keyClash(key: string, holder: string): string {
  return `${canonicalKey(key)} is already used by ${holder}`;
}

/** One spelling for one key: modifiers in the order Mod, Alt, Shift; letters upper-case after a modifier. */
export function canonicalKey(key: string): string {
  const parts = key.split('+').map((part) => part.trim()).filter(Boolean);
  const main = parts.pop() ?? '';
  const known = ['Mod', 'Alt', 'Shift'];
  const modifiers = known.filter((modifier) => parts.some((part) => part.toLowerCase() === modifier.toLowerCase()));
  // anything else stays as written, so the key is refused rather than silently changed
  const unknown = parts.filter((part) => !known.some((modifier) => modifier.toLowerCase() === part.toLowerCase()));
  const mainKey = modifiers.length && main.length === 1 ? main.toUpperCase() : main;
  return [...modifiers, ...unknown, mainKey].join('+');
}

/** Why a key cannot be bound, or null when it can. */
export function keyProblem(key: string): string | null {
  const canonical = canonicalKey(key);
  if (!KEY_PATTERN.test(canonical)) return `“${key}” is not a key Kinship understands`;
  const reserved = reservedBy(canonical);
  if (reserved) return `${canonical} belongs to the browser or the operating system (it ${reserved})`;
  if (canonical.startsWith('Mod+Alt+')) return `${canonical} is typed as AltGr on many keyboard layouts`;
  return null;
}

/** Why a key cannot be a macro's, or null: the rule for every key, and a modifier so that it works while typing. */
export function macroKeyProblem(key: string): string | null {
  const problem = keyProblem(key);
  if (problem) return problem;
  const canonical = canonicalKey(key);
  if (!canonical.includes('Mod+') && !canonical.includes('Alt+')) return `${canonical}: a macro’s key needs Ctrl/⌘ or Alt, so it works while typing`;
  return null;
}

/** Pairs of commands bound to the same key. */
export function keymapConflicts(keymap: Keymap): { key: string; commands: CommandId[] }[] {
  const byKey = new Map<string, CommandId[]>();
  for (const id of COMMAND_IDS) {
    const key = canonicalKey(keymap[id]);
    byKey.set(key, [...(byKey.get(key) ?? []), id]);
  }
  return [...byKey.entries()].filter(([, commands]) => commands.length > 1).map(([key, commands]) => ({ key, commands }));
}
