import { ApiError } from '../../../shared/contract/errors';
import type { Role, WorkspaceStatus } from '../../../shared/contract/domain';
import { loadDemoWorkspace, unfinishedDemo } from '../demo';
import { createAnalysisHandlers } from './analysisHandlers';
import { createConversationHandlers } from './conversationHandlers';
import { createKeymapHandlers } from './keymapHandlers';
import { macroStockText } from '../../../shared/fillMacro';
import type { CoachContext } from '../coach';
import { createCoachService } from '../coach';
import { createConnectionService } from '../connection';
import { createCoachHandlers } from './coachHandlers';
import { createFollowUpHandlers } from './followUpHandlers';
import { createCustomerHandlers } from './customerHandlers';
import { createBackgroundWork } from './backgroundWork';
import { createResponseTargets, createSnoozeService, createTagActions } from '../triage';
import { createTriageHandlers, type TriageParts } from './triageHandlers';
import { createMacroHandlers, macrosOf } from './macroHandlers';
import { createDispatcher, type Handlers } from './dispatch';
import { withDraftMarks } from './draftMarks';
import { createViewHandlers } from './viewHandlers';
import { withClientIds } from './retryableCalls';
import type { ApiContext, ReadyWorkspace } from './workspace';

const ROLE_SETTING = 'session.role';
/** Set when the person chose "Start empty" on the welcome: the console then opens on the empty workspace. */
const STARTED_EMPTY_SETTING = 'workspace.startedEmpty';

/** Implements every method of the contract over the workspace; both hosts serve what this returns. */
export function createApi(context: ApiContext) {
  const now = context.now ?? Date.now;
  /** The demo load in progress (at most one), or null. */
  let demoLoading: ReturnType<typeof loadDemoWorkspace> | null = null;

  function ready(): ReadyWorkspace {
    if (context.workspace.state !== 'ready') {
      throw new ApiError('store-unavailable', context.workspace.error.message);
    }
    return context.workspace;
  }

  function currentRole(): Role {
    return ready().store.settings.get<Role>(ROLE_SETTING) ?? 'agent';
  }

  function currentUser() {
    return ready().store.users.firstWithRole(currentRole());
  }

  function status(): WorkspaceStatus {
    const workspace = context.workspace;
    if (workspace.state !== 'ready') {
      return {
        store: { state: 'unavailable', path: workspace.path, reason: workspace.error.reason, message: workspace.error.message },
        counts: { customers: 0, conversations: 0, messages: 0, byChannel: { chat: 0, email: 0, voice: 0 } },
        host: context.host,
        role: 'agent',
        currentUser: null,
        startedEmpty: false,
      };
    }
    const { store } = workspace;
    const byChannel = store.conversations.countByChannel();
    const role = currentRole();
    return {
      store: { state: 'ready', path: store.path, schemaVersion: store.schemaVersion() },
      counts: {
        customers: store.customers.count(),
        conversations: byChannel.chat + byChannel.email + byChannel.voice,
        messages: store.messages.count(),
        byChannel,
      },
      host: context.host,
      role,
      currentUser: store.users.firstWithRole(role),
      startedEmpty: store.settings.get<boolean>(STARTED_EMPTY_SETTING) ?? false,
    };
  }

  // the coach and the connection index follow the workspace's events from the start
  const ready0 = context.workspace.state === 'ready' ? context.workspace : null;
  // the team's macros as this conversation would fill them: a reply that is one word for word is a stock reply
  const macroTexts = (context: CoachContext) =>
    ready0
      ? macrosOf(ready0.store).flatMap((macro) =>
          macroStockText(macro.body, { customerName: context.customer.displayName, agentName: context.agent?.name ?? null, subject: context.subject, bodies: context.messages.map((message) => message.body) }) ?? [],
        )
      : [];
  const coach = ready0 ? createCoachService({ store: ready0.store, bus: context.bus, now, currentUser, templates: macroTexts }) : null;
  const connection = ready0 ? createConnectionService({ store: ready0.store, bus: context.bus, now, ...(context.scheduler ? { scheduler: context.scheduler } : {}) }) : null;
  // after the connection service, so that it has reacted to an event before settledness is judged
  const background = createBackgroundWork({ bus: context.bus, analysis: () => context.analysis?.engine ?? null, connection });
  connection?.start();
  const triage: TriageParts | null = ready0
    ? {
        tags: createTagActions(ready0.store, context.bus, now),
        snoozes: createSnoozeService({ store: ready0.store, bus: context.bus, now, ...(context.scheduler ? { scheduler: context.scheduler } : {}) }),
        targets: createResponseTargets(ready0.store, now),
      }
    : null;
  triage?.snoozes.start();
  const coachService = () => (ready(), coach!);
  const connectionService = () => (ready(), connection!);

  /** Whether the load in progress finishes one the host was killed in (a call then waits for it). */
  let demoResuming = false;
  function startDemoLoad(seed: number | undefined, resuming: boolean) {
    const { store, ingestion } = ready();
    const loading = loadDemoWorkspace({ store, ingestion, bus: context.bus, seed, now: now() });
    demoLoading = loading;
    demoResuming = resuming;
    void loading.then(
      () => (demoLoading = null),
      () => (demoLoading = null),
    );
    return loading;
  }
  // a demo load cut short (the host was killed) is finished as soon as the host is back
  if (ready0 && unfinishedDemo(ready0.store)) {
    startDemoLoad(undefined, true).catch((error: unknown) => console.error('Kinship: finishing the demo workspace failed:', error));
  }

  const handlers: Handlers = {
    'workspace.status': () => status(),
    'workspace.background': () => background.snapshot(),
    'workspace.startEmpty': () => {
      ready().store.settings.set(STARTED_EMPTY_SETTING, true);
      context.bus.emit('workspace.changed', { reason: 'started-empty' });
      return status();
    },
    'demo.load': async ({ seed }) => {
      ready();
      // finishing a load the host was killed in (at start, above): this call waits for it
      if (demoLoading && demoResuming) return demoLoading;
      if (demoLoading) throw new ApiError('conflict', 'The demo workspace is already being loaded.');
      return startDemoLoad(seed, false);
    },
    ...createKeymapHandlers(ready),
    ...createCustomerHandlers(ready, connectionService, now),
    ...createCoachHandlers(ready, coachService, () => (context.workspace.state === 'ready' ? currentRole() : 'agent'), async (draft) =>
      context.analysis ? context.analysis.engine.readDraft(draft) : null,
    ),
    ...createFollowUpHandlers(ready, context.bus, () => (context.workspace.state === 'ready' ? currentUser() : null), now),
    ...createMacroHandlers(ready),
    ...createTriageHandlers(() => (ready(), triage!), () => (context.workspace.state === 'ready' ? currentUser() : null), () => (context.workspace.state === 'ready' ? currentRole() : 'agent')),
    ...createConversationHandlers(ready, () => (context.workspace.state === 'ready' ? currentUser() : null), now, coachService),
    ...createViewHandlers(ready, () => (context.workspace.state === 'ready' ? currentUser() : null), now),
    'users.list': () => ready().store.users.list(),
    ...createAnalysisHandlers(context),
    'session.setRole': ({ role }) => {
      const { store } = ready();
      store.settings.set(ROLE_SETTING, role);
      return { role, user: store.users.firstWithRole(role) };
    },
  };

  Object.assign(handlers, withDraftMarks(handlers, ready, () => (context.workspace.state === 'ready' ? currentUser() : null), context.bus));

  return {
    call: createDispatcher(withClientIds(handlers, () => ready().store, now)),
    bus: context.bus,
    status,
    /** Stops the coach and the connection index following events (before the store closes). */
    close(): void {
      coach?.close();
      triage?.snoozes.close();
      background.close();
      connection?.close();
    },
  };
}

export type Api = ReturnType<typeof createApi>;
