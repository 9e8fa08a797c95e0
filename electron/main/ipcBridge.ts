import { BrowserWindow, ipcMain } from 'electron';
import { IPC_CALL, IPC_EVENT, IPC_POP_OUT } from '../../shared/contract/channels';
import type { Api } from '../services/api/createApi';
import { isConsolePage } from './navigationPolicy';

/** Each window is a console of the desk's owner, with its own "view as". */
const windowSession = (webContentsId: number) => `window:${webContentsId}`;

/** Binds the api to IPC: calls from the console's own pages in (as the desk's owner), events out to every window that may see them. */
export function bindApiToIpc(api: Api, popOut: (conversationId: number) => void): () => void {
  ipcMain.handle(IPC_CALL, async (event, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isConsolePage(frameUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted from the Kinship console only.' } };
    }
    return api.call(method, input, api.deskCaller(windowSession(event.sender.id)));
  });
  ipcMain.handle(IPC_POP_OUT, (event, conversationId: unknown) => {
    if (!isConsolePage(event.senderFrame?.url ?? '')) return;
    if (typeof conversationId !== 'number' || !Number.isInteger(conversationId) || conversationId <= 0) return;
    popOut(conversationId);
  });
  const unsubscribe = api.bus.subscribe((kinshipEvent) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (api.receives(api.deskCaller(windowSession(window.webContents.id)), kinshipEvent)) window.webContents.send(IPC_EVENT, kinshipEvent);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CALL);
    ipcMain.removeHandler(IPC_POP_OUT);
  };
}
