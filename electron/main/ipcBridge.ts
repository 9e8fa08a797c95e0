import { BrowserWindow, ipcMain } from 'electron';
import { IPC_CALL, IPC_EVENT, IPC_POP_OUT, IPC_SERVICES_STATUS } from '../../shared/contract/channels';
import type { ServicesSupervisor } from '../host/servicesSupervisor';
import { isConsolePage } from './navigationPolicy';

/**
 * Relays the contract between the windows and the services process: calls from the console's own
 * pages in (each answered by the services, or with the retryable error if their process is gone),
 * events and the services' status out to every window. Nothing here waits on the services' work.
 */
export function bindServicesToIpc(services: ServicesSupervisor, popOut: (conversationId: number) => void): () => void {
  ipcMain.handle(IPC_CALL, async (event, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isConsolePage(frameUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted from the Kinship console only.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'unknown-method', message: 'A call names its method.' } };
    return services.call(method, input);
  });
  ipcMain.handle(IPC_POP_OUT, (event, conversationId: unknown) => {
    if (!isConsolePage(event.senderFrame?.url ?? '')) return;
    if (typeof conversationId !== 'number' || !Number.isInteger(conversationId) || conversationId <= 0) return;
    popOut(conversationId);
  });
  // a window asks once as it loads; changes reach every window as they happen
  ipcMain.handle(IPC_SERVICES_STATUS, (event) => (isConsolePage(event.senderFrame?.url ?? '') ? services.status() : null));
  const offEvents = services.onEvent((kinshipEvent) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT, kinshipEvent);
  });
  const offStatus = services.onStatus((status) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_SERVICES_STATUS, status);
  });
  return () => {
    offEvents();
    offStatus();
    ipcMain.removeHandler(IPC_CALL);
    ipcMain.removeHandler(IPC_POP_OUT);
    ipcMain.removeHandler(IPC_SERVICES_STATUS);
  };
}
