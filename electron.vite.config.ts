import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { EMAIL_FRAME_PAGE, EMAIL_FRAME_REMOTE_PAGE, metaPolicyFor } from './shared/security';

/**
 * Writes each page's policy (shared/security.ts) into the page as a <meta> too, the same as the
 * hosts send as a header (frame-ancestors only works as a header).
 */
const contentSecurityPolicy: Plugin = {
  name: 'kinship-content-security-policy',
  transformIndexHtml: (html, context) => html.replace('%KINSHIP_CSP%', metaPolicyFor(context.path)),
};

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // the services, in a process of their own (utilityProcess.fork in Electron; plain Node in tests)
          servicesProcess: resolve(__dirname, 'electron/host/servicesProcess.ts'),
          webHost: resolve(__dirname, 'electron/web/index.ts'),
          teamServer: resolve(__dirname, 'electron/web/teamServer.ts'),
          launcher: resolve(__dirname, 'electron/launcher/index.ts'),
          // run on a packaged app before signing: node out/main/flipFuses.js <Electron binary>
          flipFuses: resolve(__dirname, 'electron/launcher/flipFuses.ts'),
          analysisWorker: resolve(__dirname, 'electron/services/analysis/worker/analysisWorker.ts'),
        },
        // used only when packaging (flipFuses), never bundled
        external: ['@electron/fuses'],
        // shared chunks sit beside the entries, so paths relative to any of them (../renderer) hold
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // a sandboxed preload must be CommonJS
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'renderer/index.html'),
          // the e-mail frame is a page of its own, with its own policy (see shared/security.ts)
          emailFrame: resolve(__dirname, 'renderer', EMAIL_FRAME_PAGE),
          emailFrameRemote: resolve(__dirname, 'renderer', EMAIL_FRAME_REMOTE_PAGE),
        },
      },
    },
    plugins: [react(), contentSecurityPolicy],
  },
});
