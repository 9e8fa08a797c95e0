import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/security';

/** Writes the one CSP (shared/security.ts) into the page; frame-ancestors only works as a header. */
const contentSecurityPolicy: Plugin = {
  name: 'kinship-content-security-policy',
  transformIndexHtml: (html) =>
    html.replace(
      '%KINSHIP_CSP%',
      CONTENT_SECURITY_POLICY.split('; ')
        .filter((directive) => !directive.startsWith('frame-ancestors'))
        .join('; '),
    ),
};

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          webHost: resolve(__dirname, 'electron/web/index.ts'),
          launcher: resolve(__dirname, 'electron/launcher/index.ts'),
          analysisWorker: resolve(__dirname, 'electron/services/analysis/worker/analysisWorker.ts'),
        },
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
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react(), contentSecurityPolicy],
  },
});
