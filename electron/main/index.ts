import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServices } from '../services/startServices';
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
  void app.whenReady().then(async () => {
    applySecurityPolicy(rendererIndexUrl);
    const services = await startServices({
      host: 'electron',
      dataDir: app.getPath('userData'),
      resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources'),
    });
    bindApiToIpc(services.api, rendererIndexUrl, (conversationId) => createMainWindow(rendererIndexPath, conversationId));
    createMainWindow(rendererIndexPath);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(rendererIndexPath);
    });
    app.on('will-quit', () => {
      void services.stop();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
