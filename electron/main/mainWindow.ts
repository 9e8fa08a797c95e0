import { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { CONVERSATION_HASH } from '../../shared/contract/channels';

/** A console window: the whole console, or (with a conversation id) one conversation on its own. */
export function createMainWindow(rendererIndexPath: string, conversationId?: number): BrowserWindow {
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
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererIndexPath, conversationId ? { hash: `${CONVERSATION_HASH}=${conversationId}` } : {});
  return window;
}
