import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webHostDataDir } from '../services/dataDir';
import { startServices, type Services, type ServicesOptions } from '../services/startServices';
import type { Defer } from './callScheduler';
import type { SocketLimits } from './socketLimits';
import type { CallTiming } from './socketSession';
import { startWebServer, type RunningWebServer } from './webServer';

export interface WebHostOptions {
  port?: number;
  dataDir?: string;
  /** Defaults to the renderer built beside this file (out/renderer). */
  rendererDir?: string;
  resourcesDir?: string;
  analysisWorkerUrl?: URL;
  /** Bounds on each console's connection (defaults in socketLimits.ts). */
  socketLimits?: Partial<SocketLimits>;
  defer?: Defer;
  /** Told where each call's time went in the host (KINSHIP_TRACE_CALLS). */
  traceCall?: (timing: CallTiming) => void;
}

export interface RunningWebHost extends RunningWebServer {
  dataDir: string;
  /** The services behind the api: channel connectors and importers hand messages to its ingestion. */
  services: Services;
  stop(): Promise<void>;
}

export const defaultRendererDir = () => fileURLToPath(new URL('../renderer/', import.meta.url));

/** What both web hosts (the desk's and a team server) stand on: the built console, and the services over the workspace. */
export async function startHostServices(options: Pick<WebHostOptions, 'dataDir' | 'rendererDir' | 'resourcesDir' | 'analysisWorkerUrl'> & { mode?: 'desk' | 'team' }) {
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  if (!fs.existsSync(`${rendererDir}/index.html`)) {
    throw new Error(`The console has not been built (no ${rendererDir}index.html). Run "npm run build" first.`);
  }
  const dataDir = options.dataDir ?? webHostDataDir();
  const servicesOptions: ServicesOptions = { host: 'web', dataDir, mode: options.mode ?? 'desk' };
  if (options.resourcesDir) servicesOptions.resourcesDir = options.resourcesDir;
  if (options.analysisWorkerUrl) servicesOptions.analysisWorkerUrl = options.analysisWorkerUrl;
  return { rendererDir, dataDir, services: await startServices(servicesOptions) };
}

/** Opens the workspace and serves the console and its api on 127.0.0.1 with a fresh token. */
export async function runWebHost(options: WebHostOptions = {}): Promise<RunningWebHost> {
  const { rendererDir, dataDir, services } = await startHostServices(options);
  const token = randomBytes(24).toString('base64url');
  const server = await startWebServer({
    api: options.traceCall ? { ...services.api, traceCall: options.traceCall } : services.api,
    rendererDir,
    token,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.socketLimits ? { socketLimits: options.socketLimits } : {}),
    ...(options.defer ? { defer: options.defer } : {}),
  });
  return {
    ...server,
    dataDir,
    services,
    stop: async () => {
      await server.close();
      await services.stop();
    },
  };
}
