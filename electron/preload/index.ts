import { contextBridge, ipcRenderer } from 'electron';
import type { KinshipBridge } from '../../shared/contract/bridge';
import type { CallResult } from '../../shared/contract/errors';
import type { KinshipEvent } from '../../shared/contract/events';
import { IPC_CALL, IPC_EVENT, IPC_POP_OUT } from '../../shared/contract/channels';

/** The whole of what the console may ask of the machine: calls and events of the contract. */
const bridge: KinshipBridge = {
  host: 'electron',
  call: (method, input) => ipcRenderer.invoke(IPC_CALL, method, input) as Promise<CallResult<unknown>>,
  onEvent(listener) {
    const handler = (_event: Electron.IpcRendererEvent, kinshipEvent: KinshipEvent) => listener(kinshipEvent);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
  popOut: (conversationId) => ipcRenderer.invoke(IPC_POP_OUT, conversationId) as Promise<void>,
};

contextBridge.exposeInMainWorld('kinship', bridge);
