import type { WebPreferences } from 'electron';

/**
 * Every Kinship window's web preferences: isolated, sandboxed, no Node, no webviews, nothing
 * experimental (docs/electron-security.md). The console's own windows add the preload's bridge;
 * a team server's console has none.
 */
export const LOCKED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences;
