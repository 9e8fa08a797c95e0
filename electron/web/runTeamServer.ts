import { SETUP_HASH } from '../../shared/contract/people';
import { createPeopleService, type PeopleOptions, type PeopleService } from '../services/people';
import { repeatEvery } from '../services/common/repeatEvery';
import { startHostServices, type RunningWebHost } from './runWebHost';
import type { SocketLimits } from './socketLimits';
import { createTeamGate } from './teamGate';
import type { TeamServerConfig } from './teamConfig';
import { startWebServer } from './webServer';

export interface TeamServerOptions {
  config: TeamServerConfig;
  dataDir?: string;
  rendererDir?: string;
  resourcesDir?: string;
  analysisWorkerUrl?: URL;
  /** Session lengths, sign-in limits, hashing cost: tests shorten them; a real server keeps the defaults. */
  people?: Omit<PeopleOptions, 'store'>;
  socketLimits?: Partial<SocketLimits>;
}

export interface RunningTeamServer extends RunningWebHost {
  people: PeopleService;
  /** The one-time link for the first admin, while the server has none (printed on its console). */
  setupLink: { url: string; expiresAt: number } | null;
}

/**
 * A Kinship team server: the web host's console and api for people who sign in. It opens the
 * workspace (SQLite in KINSHIP_DATA_DIR), and, while no admin can sign in, makes a one-time setup
 * link for the first one.
 */
export async function runTeamServer(options: TeamServerOptions): Promise<RunningTeamServer> {
  const { rendererDir, dataDir, services } = await startHostServices({ ...options, mode: 'team' });
  if (services.workspace.state !== 'ready') {
    const message = services.workspace.error.message;
    await services.stop();
    throw new Error(`the workspace cannot be opened: ${message}`);
  }
  // who may receive what is worked out again whenever the team changes (a role, a deactivation)
  const people = createPeopleService({ ...options.people, store: services.workspace.store, onChange: (personId) => services.api.bus.emit('people.changed', { personId }) });
  const gate = createTeamGate(options.config, people);
  let server;
  try {
    server = await startWebServer({
      api: services.api,
      rendererDir,
      token: '',
      port: options.config.port,
      team: { gate, config: options.config },
      ...(options.socketLimits ? { socketLimits: options.socketLimits } : {}),
    });
  } catch (error) {
    await services.stop();
    throw error;
  }
  const issued = await people.issueSetupLink();
  // sessions over for a day are forgotten
  const stopSweeping = repeatEvery(3_600_000, 'forgetting sessions over for a day', () => people.sessions.sweep());
  return {
    ...server,
    dataDir,
    services,
    people,
    setupLink: issued ? { url: `${gate.publicOrigin()}/#${SETUP_HASH}=${issued.token}`, expiresAt: issued.expiresAt } : null,
    stop: async () => {
      stopSweeping();
      await server.close();
      await services.stop();
    },
  };
}
