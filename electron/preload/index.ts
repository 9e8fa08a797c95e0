import { contextBridge, ipcRenderer } from 'electron';
import type { KinshipBridge } from '../../shared/contract/bridge';
import type { CallResult } from '../../shared/contract/errors';
import type { KinshipEvent } from '../../shared/contract/events';
import type { ServicesStatus } from '../../shared/contract/servicesStatus';
import type { WorkspaceChoiceResult } from '../../shared/contract/workspaceChoice';
import { IPC_CALL, IPC_CHOOSE_WORKSPACE, IPC_EVENT, IPC_POP_OUT, IPC_SERVICES_STATUS } from '../../shared/contract/channels';

/** The services' latest status: asked for once as the page loads, then kept by the main process's news (the newest wins). */
let servicesStatus: ServicesStatus | null = null;
const statusListeners = new Set<(status: ServicesStatus) => void>();
function takeStatus(status: ServicesStatus | null) {
  if (!status || (servicesStatus && servicesStatus.seq >= status.seq)) return;
  servicesStatus = status;
  for (const listener of statusListeners) listener(status);
}
ipcRenderer.on(IPC_SERVICES_STATUS, (_event, status: ServicesStatus) => takeStatus(status));
// (on the first screen no services run yet, and nobody answers: nothing to take)
void (ipcRenderer.invoke(IPC_SERVICES_STATUS) as Promise<ServicesStatus | null>).then(takeStatus, () => undefined);

/** The whole of what the console may ask of the machine: calls and events of the contract. */
const bridge: KinshipBridge = {
  host: 'electron',
  call: (method, input) => ipcRenderer.invoke(IPC_CALL, method, input) as Promise<CallResult<unknown>>,
  onEvent(listener) {
    const handler = (_event: Electron.IpcRendererEvent, kinshipEvent: KinshipEvent) => listener(kinshipEvent);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
  onServicesStatus(listener) {
    statusListeners.add(listener);
    if (servicesStatus) listener(servicesStatus);
    return () => statusListeners.delete(listener);
  },
  popOut: (conversationId) => ipcRenderer.invoke(IPC_POP_OUT, conversationId) as Promise<void>,
  chooseWorkspace: (choice) => ipcRenderer.invoke(IPC_CHOOSE_WORKSPACE, choice) as Promise<WorkspaceChoiceResult>,
};

contextBridge.exposeInMainWorld('kinship', bridge);
