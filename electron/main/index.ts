import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServices } from '../services/startServices';
import { bindApiToIpc } from './ipcBridge';
import { createMainWindow } from './mainWindow';
import { applySecurityPolicy, registerAppScheme } from './security';

/** The Electron host: the same api as the web host, carried over IPC to a sandboxed window served over app://. */
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  void app.whenReady().then(async () => {
    applySecurityPolicy(rendererDir);
    const services = await startServices({
      host: 'electron',
      dataDir: app.getPath('userData'),
      resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources'),
    });
    bindApiToIpc(services.api, (conversationId) => createMainWindow(conversationId));
    createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
    app.on('will-quit', () => {
      void services.stop();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
