import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWebHost, type RunningWebHost } from '../../electron/web/runWebHost';

const OUT = fileURLToPath(new URL('../../out/', import.meta.url));
const SHARED_MODELS = fileURLToPath(new URL('../../../shared/models/', import.meta.url));
const RESOURCES = fileURLToPath(new URL('../../resources/', import.meta.url));

/**
 * The web host started inside the test's own process, on the built console and analysis worker,
 * so that a test can hand messages to its ingestion service the way a channel connector does and
 * watch them arrive in the browser. Models: ../shared/models when beside the checkout.
 */
export async function startHostInProcess(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinship-e2e-live-'))): Promise<RunningWebHost> {
  if (!fs.existsSync(path.join(OUT, 'renderer', 'index.html'))) throw new Error('The console is not built: run "npm run build" first.');
  if (!process.env.KINSHIP_MODELS_DIR && fs.existsSync(SHARED_MODELS)) process.env.KINSHIP_MODELS_DIR = SHARED_MODELS;
  return runWebHost({
    port: 0,
    dataDir,
    rendererDir: path.join(OUT, 'renderer') + path.sep,
    resourcesDir: RESOURCES,
    analysisWorkerUrl: new URL('../../out/main/analysisWorker.js', import.meta.url),
  });
}
