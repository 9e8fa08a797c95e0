import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServicesSupervisor } from '../host/servicesSupervisor';
import { bindServicesToIpc } from './ipcBridge';
import { createMainWindow } from './mainWindow';
import { applySecurityPolicy, registerAppScheme } from './security';
import { forkUtilityServices } from './utilityServices';

/**
 * The Electron host: the same api as the web host, served by the services in a utility process
 * (out/main/servicesProcess.js) and relayed over IPC to sandboxed windows served over app://.
 * This process only relays, so nothing the services do can freeze a window.
 */
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const servicesEntry = fileURLToPath(new URL('./servicesProcess.js', import.meta.url));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  void app.whenReady().then(() => {
    applySecurityPolicy(rendererDir);
    const services = createServicesSupervisor({
      spawn: () =>
        forkUtilityServices(servicesEntry, {
          host: 'electron',
          dataDir: app.getPath('userData'),
          resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources'),
        }),
    });
    bindServicesToIpc(services, (conversationId) => createMainWindow(conversationId));
    // the window opens while the services open the workspace; its first calls wait for them
    createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
    // quitting waits for the services to finish their calls and close the workspace (WAL checkpointed)
    let closed = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      void services.stop().finally(() => {
        closed = true;
        app.quit();
      });
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
