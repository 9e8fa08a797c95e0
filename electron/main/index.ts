import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApi } from '../services/api/createApi';
import { openWorkspace } from '../services/api/workspace';
import { databasePath } from '../services/dataDir';
import { createEventBus } from '../services/events/eventBus';
import { bindApiToIpc } from './ipcBridge';
import { createMainWindow } from './mainWindow';
import { applySecurityPolicy } from './security';

/** The Electron host: the same api as the web host, carried over IPC to a sandboxed window. */
const rendererIndexPath = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const rendererIndexUrl = pathToFileURL(rendererIndexPath).href;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  void app.whenReady().then(() => {
    applySecurityPolicy(rendererIndexUrl);
    const bus = createEventBus();
    const workspace = openWorkspace(databasePath(path.join(app.getPath('userData'))), bus);
    const api = createApi({ host: 'electron', bus, workspace });
    bindApiToIpc(api, rendererIndexUrl);
    createMainWindow(rendererIndexPath);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(rendererIndexPath);
    });
    app.on('will-quit', () => {
      if (workspace.state === 'ready') workspace.store.close();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
