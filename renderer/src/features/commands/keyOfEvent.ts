import { canonicalKey } from '../../../../shared/contract/keymap';

/**
 * The key a keyboard event stands for, spelled as the keymap spells it ("Mod+K", "j", "/"). Uses
 * the character the layout produced, so j/k are where the user's layout puts them; ignores AltGr
 * combinations (they type characters on many layouts) and lone modifier presses.
 */
export function keyOfEvent(event: KeyboardEvent): string | null {
  if (['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'CapsLock', 'Dead'].includes(event.key)) return null;
  if (event.getModifierState?.('AltGraph')) return null;
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.altKey) return null;
  let key = event.key === ' ' ? 'Space' : event.key;
  if (key.length === 1) key = key.toLowerCase();
  const parts: string[] = [];
  if (mod) parts.push('Mod');
  if (event.altKey) parts.push('Alt');
  // Shift that only produced a character ("?" or "/") is part of the character, not a modifier
  if (event.shiftKey && (key.length > 1 || /[a-z]/.test(key))) parts.push('Shift');
  return canonicalKey([...parts, key].join('+'));
}

/** True while the user is typing in a field, where single-character shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes((target as HTMLInputElement).type)) || target.tagName === 'SELECT';
}

/** Shown in menus and the palette: "Ctrl+K" or "⌘K" on a Mac. */
export function displayKey(key: string): string {
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return key.replace('Mod', mac ? '⌘' : 'Ctrl').replace(/(⌘)\+/, '$1');
}
