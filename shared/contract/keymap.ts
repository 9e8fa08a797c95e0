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
  'conversation.assignToMe': { title: 'Assign the conversation to me', defaultKey: 'a' },
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

/** Shortcuts the browser or the OS keeps for itself, which a page must not take. */
const RESERVED = new Set(['Mod+W', 'Mod+T', 'Mod+N', 'Mod+Q', 'Mod+R', 'Mod+L', 'Mod+P', 'Mod+F', 'Mod+Tab', 'Alt+F4', 'Mod+Shift+T', 'Mod+Shift+N', 'Mod+Shift+W', 'F5', 'F11', 'F12', 'Tab', 'Escape']);

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
  if (RESERVED.has(canonical)) return `${canonical} belongs to the browser or the operating system`;
  if (canonical.startsWith('Mod+Alt+')) return `${canonical} is typed as AltGr on many keyboard layouts`;
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
