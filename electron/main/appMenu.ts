import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: the platform's usual File, Edit, View and Window menus, with "Change where
 * Kinship works…" (back to the first screen: this desk or the team's server).
 */
export function setAppMenu(changeWorkspace: () => void): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [{ label: 'Change where Kinship works…', click: changeWorkspace }, { type: 'separator' }, process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
