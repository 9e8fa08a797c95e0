import { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { CONVERSATION_HASH } from '../../shared/contract/channels';
import { CHOOSE_WORKSPACE_HASH } from '../../shared/contract/workspaceChoice';
import { CONSOLE_PAGE_URL } from './appProtocol';
import { LOCKED_WEB_PREFERENCES } from './windowPreferences';

/** A window on the console's own page (app://kinship/index.html) at `fragment`, with the preload's bridge. */
function consoleWindow(fragment: string, size: { width: number; minWidth: number; height?: number }, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: size.width,
    height: size.height ?? 900,
    minWidth: size.minWidth,
    minHeight: 600,
    title,
    show: false,
    webPreferences: { ...LOCKED_WEB_PREFERENCES, preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)) },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${CONSOLE_PAGE_URL}${fragment}`);
  return window;
}

/** A console window: the whole console, or (with a conversation id) one conversation on its own. */
export function createMainWindow(conversationId?: number): BrowserWindow {
  return conversationId
    ? consoleWindow(`#${CONVERSATION_HASH}=${conversationId}`, { width: 760, minWidth: 420 }, `Kinship — conversation ${conversationId}`)
    : consoleWindow('', { width: 1440, minWidth: 960 }, 'Kinship');
}

/** The first screen: this desk, or the team's server; `unreachable` when the kept team server did not answer. */
export function createChooserWindow(unreachable?: string): BrowserWindow {
  const fragment = unreachable ? `${CHOOSE_WORKSPACE_HASH}?unreachable=${encodeURIComponent(unreachable)}` : CHOOSE_WORKSPACE_HASH;
  return consoleWindow(fragment, { width: 960, minWidth: 720, height: 720 }, 'Kinship — where it works');
}
