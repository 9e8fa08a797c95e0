import { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { CONVERSATION_HASH } from '../../shared/contract/channels';
import { CONSOLE_PAGE_URL } from './appProtocol';

/** A console window: the whole console, or (with a conversation id) one conversation on its own. */
export function createMainWindow(conversationId?: number): BrowserWindow {
  const window = new BrowserWindow({
    width: conversationId ? 760 : 1440,
    height: 900,
    minWidth: conversationId ? 420 : 960,
    minHeight: 600,
    title: conversationId ? `Kinship — conversation ${conversationId}` : 'Kinship',
    show: false,
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(conversationId ? `${CONSOLE_PAGE_URL}#${CONVERSATION_HASH}=${conversationId}` : CONSOLE_PAGE_URL);
  return window;
}
