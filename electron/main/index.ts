import { app, BrowserWindow, net } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServicesSupervisor, type ServicesSupervisor } from '../host/servicesSupervisor';
import { probeTeamServer } from '../host/teamServerProbe';
import { forgetWorkspaceChoice, readWorkspaceChoice } from '../host/workspaceChoiceFile';
import { createWorkspaceChooser } from '../host/workspaceChooser';
import { setAppMenu } from './appMenu';
import { bindServicesToIpc } from './ipcBridge';
import { createChooserWindow, createMainWindow } from './mainWindow';
import { applySecurityPolicy, registerAppScheme } from './security';
import { createTeamWindow } from './teamWindow';
import { forkUtilityServices } from './utilityServices';
import { handleWorkspaceChoice } from './workspaceChoiceIpc';

/**
 * The Electron host. Its first screen asks where Kinship works, once (File → "Change where Kinship
 * works…" asks again):
 * - this desk: the same api as the web host, served by the services in a utility process
 *   (out/main/servicesProcess.js) and relayed over IPC to sandboxed windows served over app://.
 *   This process only relays, so nothing the services do can freeze a window;
 * - the team's server: a sandboxed window on the server's own console (no preload, no services
 *   here, no workspace file on this desk); people sign in there.
 */
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const servicesEntry = fileURLToPath(new URL('./servicesProcess.js', import.meta.url));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    /** The team server's console window, if that is where Kinship works: the one window that may show that origin. */
    let team: { origin: string; contentsId: number } | null = null;
    let services: ServicesSupervisor | null = null;
    let chooser: BrowserWindow | null = null;
    applySecurityPolicy(rendererDir, (contents) => (team && contents.id === team.contentsId ? team.origin : null));

    const openDesk = () => {
      team = null;
      if (!services) {
        services = createServicesSupervisor({
          spawn: () =>
            forkUtilityServices(servicesEntry, {
              host: 'electron',
              dataDir,
              resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources'),
            }),
        });
        bindServicesToIpc(services, (conversationId) => createMainWindow(conversationId));
      }
      // the window opens while the services open the workspace; its first calls wait for them
      createMainWindow();
    };
    const openTeam = (origin: string) => {
      const window = createTeamWindow(origin);
      team = { origin, contentsId: window.webContents.id };
      // the kept server does not answer at start (offline, moved): the first screen says so, with the address to try again;
      // once it has loaded, a later failure (a blip while working) is the page's to show, not a reason to close the window
      const firstLoadFailed = (_event: unknown, errorCode: number, _description: string, _url: string, isMainFrame: boolean) => {
        if (!isMainFrame || errorCode === -3 /* aborted: a newer load replaced it */) return;
        team = null;
        openChooser(origin);
        window.close();
      };
      window.webContents.on('did-fail-load', firstLoadFailed);
      window.webContents.once('did-finish-load', () => window.webContents.off('did-fail-load', firstLoadFailed));
    };
    const openChooser = (unreachable?: string) => {
      if (chooser && !chooser.isDestroyed()) return chooser.focus();
      chooser = createChooserWindow(unreachable);
      chooser.on('closed', () => (chooser = null));
    };
    // the new window opens before the first screen closes, so the app never has no window (which would quit it)
    const closeChooser = () => chooser?.close();
    handleWorkspaceChoice(
      createWorkspaceChooser({
        dataDir,
        probe: (origin) => probeTeamServer(origin, (url, init) => net.fetch(url, init)),
        openDesk: () => {
          openDesk();
          closeChooser();
        },
        openTeam: (origin) => {
          openTeam(origin);
          closeChooser();
        },
      }),
    );
    setAppMenu(() => {
      forgetWorkspaceChoice(dataDir);
      app.relaunch();
      app.quit();
    });

    const choice = readWorkspaceChoice(dataDir);
    if (choice?.kind === 'desk') openDesk();
    else if (choice?.kind === 'team') openTeam(choice.origin);
    else openChooser();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length > 0) return;
      if (services) createMainWindow();
      else if (team) openTeam(team.origin);
      else openChooser();
    });
    // quitting waits for the services to finish their calls and close the workspace (WAL checkpointed)
    let closed = false;
    app.on('will-quit', (event) => {
      if (closed || !services) return;
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
