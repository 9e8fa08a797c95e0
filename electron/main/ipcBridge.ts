import { BrowserWindow, ipcMain } from 'electron';
import { IPC_CALL, IPC_EVENT, IPC_POP_OUT } from '../../shared/contract/channels';
import type { Api } from '../services/api/createApi';
import { isConsolePage } from './navigationPolicy';

/** Binds the api to IPC: calls from the console's own pages in, events out to every window. */
export function bindApiToIpc(api: Api, popOut: (conversationId: number) => void): () => void {
  ipcMain.handle(IPC_CALL, async (event, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isConsolePage(frameUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted from the Kinship console only.' } };
    }
    return api.call(method, input);
  });
  ipcMain.handle(IPC_POP_OUT, (event, conversationId: unknown) => {
    if (!isConsolePage(event.senderFrame?.url ?? '')) return;
    if (typeof conversationId !== 'number' || !Number.isInteger(conversationId) || conversationId <= 0) return;
    popOut(conversationId);
  });
  const unsubscribe = api.bus.subscribe((kinshipEvent) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT, kinshipEvent);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CALL);
    ipcMain.removeHandler(IPC_POP_OUT);
  };
}
