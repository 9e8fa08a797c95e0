import { BrowserWindow } from 'electron';
import { LOCKED_WEB_PREFERENCES } from './windowPreferences';

/**
 * A console of the team's Kinship server: the server's own page, as a browser would show it, in a
 * sandboxed window with no preload (nothing of this machine is exposed to it). People sign in there;
 * the navigation policy keeps the window on that origin (electron/main/navigationPolicy.ts).
 */
export function createTeamWindow(origin: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: `Kinship — ${new URL(origin).host}`,
    show: false,
    webPreferences: { ...LOCKED_WEB_PREFERENCES },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${origin}/`);
  return window;
}
