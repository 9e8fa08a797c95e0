import { ApiError } from '../../../shared/contract/errors';
import type { User, WorkspaceStatus } from '../../../shared/contract/domain';
import type { KinshipEvent } from '../../../shared/contract/events';
import type { LiveCursor } from '../../../shared/contract/live';
import type { LiveListener } from '../live';
import type { Following } from './liveHandlers';
import { DEMO_DESK_OWNER, loadDemoWorkspace, unfinishedDemo } from '../demo';
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
import { createDispatcher, type Dispatcher, type Handlers } from './dispatch';
import type { BackgroundSlices } from '../common/backgroundSlices';
import { withDraftMarks } from './draftMarks';
import { createViewHandlers } from './viewHandlers';
import { createTeamHandlers } from './teamHandlers';
import { createTeamActions } from '../teams';
import { withClientIds } from './retryableCalls';
import type { ApiContext, ReadyWorkspace } from './workspace';
import { mayReceive } from './authorize';
import { shownRole, type Caller } from './caller';
import { ensureDeskOwner, nameDeskOwnerForDemo, UNNAMED_DESK_OWNER } from './deskOwner';
import { createLiveService } from '../live';
import { createLiveHandlers, followLive } from './liveHandlers';
/** Set when the person chose "Start empty" on the welcome: the console then opens on the empty workspace. */
const STARTED_EMPTY_SETTING = 'workspace.startedEmpty';

/** Every call holds background work back until it is answered (the background's slices wait for quiet). */
function callsFirst(dispatch: Dispatcher, background: BackgroundSlices | undefined): Dispatcher {
  if (!background) return dispatch;
  return (method, input, caller) => {
    const answered = background.callStarted();
    return dispatch(method, input, caller).finally(answered);
  };
}

/** Implements every method of the contract over the workspace; both hosts serve what this returns. */
export async function createApi(context: ApiContext) {
  const now = context.now ?? Date.now;
  /** The demo load in progress (at most one), or null. */
  let demoLoading: ReturnType<typeof loadDemoWorkspace> | null = null;

  function ready(): ReadyWorkspace {
    if (context.workspace.state !== 'ready') {
      throw new ApiError('store-unavailable', context.workspace.error.message);
    }
    return context.workspace;
  }

  const desk = (context.mode ?? 'desk') === 'desk';
  // the desk's one person: every call from its consoles is theirs (a stand-in while the file cannot be opened)
  const ready0 = context.workspace.state === 'ready' ? context.workspace : null;
  const ownerId: number | null = desk && ready0 ? (await ensureDeskOwner(ready0.store, now())).id : null;
  /** The desk's "view as", per console (session): whom it is viewed as. Never the person who acts. */
  const viewing = new Map<string, number>();
  /**
   * People as the last call read them (their role today): events are filtered with it, in order and
   * without a read per event. Every call reads its caller afresh, so a change of role is followed
   * from that person's next call (a console calls every few seconds) — and at once in this process.
   */
  const known = new Map<number, User>();
  const remember = <P extends User | null>(person: P): P => {
    if (person) known.set(person.id, person);
    return person;
  };
  /**
   * How often the team said a person changed (people.changed; workspace.changed counts for all),
   * counted as the event arrives: a read begun before a change and answered after it is older
   * than the team's re-read of that change, and is not kept — what events are filtered by is
   * never put back to an older state.
   */
  const changes = new Map<number, number>();
  let everyoneChanged = 0;
  const changeCount = (id: number) => everyoneChanged + (changes.get(id) ?? 0);
  const readPerson = async (store: ReadyWorkspace['store'], id: number): Promise<User | null> => {
    const before = changeCount(id);
    const person = await store.users.getById(id);
    return changeCount(id) === before ? remember(person) : person;
  };

  /** The caller as the workspace knows them now: their role today and, on the desk, the console's "view as". */
  async function resolve(caller: Caller): Promise<Caller> {
    const workspace = context.workspace;
    const consoleId = caller.consoleId === undefined ? {} : { consoleId: caller.consoleId };
    if (workspace.state !== 'ready') return { person: caller.person, sessionId: caller.sessionId, ...consoleId, viewAs: null };
    const person = await readPerson(workspace.store, caller.person.id);
    if (!person) {
      known.delete(caller.person.id);
      throw new ApiError('forbidden', `${caller.person.name} is not a person of this workspace.`);
    }
    const viewedId = desk && caller.sessionId !== null ? viewing.get(caller.sessionId) : undefined;
    const viewAs = viewedId !== undefined ? await readPerson(workspace.store, viewedId) : null;
    return { person, sessionId: caller.sessionId, ...consoleId, viewAs };
  }

  /** The caller as last read (see `known`): what their console may receive now, without reading the store. */
  function resolveKnown(caller: Caller): Caller {
    const consoleId = caller.consoleId === undefined ? {} : { consoleId: caller.consoleId };
    if (context.workspace.state !== 'ready') return { person: caller.person, sessionId: caller.sessionId, ...consoleId, viewAs: null };
    const person = known.get(caller.person.id) ?? caller.person;
    const viewedId = desk && caller.sessionId !== null ? viewing.get(caller.sessionId) : undefined;
    const viewAs = viewedId !== undefined ? (known.get(viewedId) ?? null) : null;
    return { person, sessionId: caller.sessionId, ...consoleId, viewAs };
  }

  /** The desk owner as the caller of the desk's own consoles; `sessionId` names the console (a window, a connection). */
  async function deskCaller(sessionId: string | null): Promise<Caller> {
    if (!desk) throw new Error('A team server has no desk owner: its callers sign in.');
    const owner = ownerId !== null && context.workspace.state === 'ready' ? await readPerson(context.workspace.store, ownerId) : null;
    return { person: owner ?? { id: 0, ...UNNAMED_DESK_OWNER }, sessionId };
  }

  /**
   * When the team changes (a role given, someone deactivated, the workspace replaced), or its events
   * may have been missed (bus.missed), the people a console's events are filtered by are read again
   * at once, not at their next call. Events keep
   * their order; `peopleRead` is the latest such reading (the host may wait on it before answering).
   */
  let peopleRead: Promise<void> = Promise.resolve();
  const readAgain = (ids: number[]) => {
    const store = context.workspace.state === 'ready' ? context.workspace.store : null;
    if (!store || ids.length === 0) return;
    peopleRead = peopleRead
      .then(async () => {
        for (const id of ids) {
          const person = await store.users.getById(id);
          if (person) known.set(id, person);
          else known.delete(id);
        }
      })
      .catch((error: unknown) => console.error('Kinship: reading the team again failed:', error));
  };
  // Keep this subscription before createLiveService below: its in-process event source subscribes to
  // the same bus, which calls listeners in the order they subscribed, and filters each event for every
  // console at once. Subscribed first, a people.changed or workspace.changed drops the cached callers
  // before that very event is filtered for them (a source fed otherwise must drop them itself).
  // (the team's other server processes' changes too: they filter this process's consoles' events alike)
  const stopFollowingPeople = context.bus.subscribe(
    (event) => {
      if (event.name === 'people.changed') {
        changes.set(event.payload.personId, (changes.get(event.payload.personId) ?? 0) + 1);
        readAgain([event.payload.personId]);
      } else if (event.name === 'workspace.changed') {
        everyoneChanged += 1;
        readAgain([...known.keys()]);
      }
    },
    { team: true },
  );
  // the team's events may have been missed (the link to the other server processes dropped, or one of
  // them was killed): a role given or a person deactivated meanwhile was never said here, so everyone
  // known is read again, as after workspace.changed
  const stopResyncingPeople = context.bus.onMissed(() => {
    everyoneChanged += 1;
    readAgain([...known.keys()]);
  });

  function receives(caller: Caller, event: KinshipEvent): boolean {
    try {
      return mayReceive(resolveKnown(caller), event);
    } catch {
      return false;
    }
  }

  async function status(caller: Caller): Promise<WorkspaceStatus> {
    const workspace = context.workspace;
    if (workspace.state !== 'ready') {
      return {
        store: { state: 'unavailable', path: workspace.path, reason: workspace.error.reason, message: workspace.error.message },
        counts: { customers: 0, conversations: 0, messages: 0, byChannel: { chat: 0, email: 0, voice: 0 } },
        host: context.host,
        role: caller.person.role,
        currentUser: null,
        viewingAs: null,
        canViewAs: false,
        startedEmpty: false,
      };
    }
    const { store } = workspace;
    const byChannel = await store.conversations.countByChannel();
    return {
      store: { state: 'ready', path: store.path, schemaVersion: await store.schemaVersion() },
      counts: {
        customers: await store.customers.count(),
        conversations: byChannel.chat + byChannel.email + byChannel.voice,
        messages: await store.messages.count(),
        byChannel,
      },
      host: context.host,
      role: shownRole(caller),
      currentUser: caller.person,
      viewingAs: caller.viewAs ?? null,
      canViewAs: desk && caller.sessionId !== null,
      startedEmpty: await store.settings.get<boolean>(STARTED_EMPTY_SETTING) ?? false,
    };
  }

  // the coach and the connection index follow the workspace's events from the start
  // the team's macros as this conversation would fill them: a reply that is one word for word is a stock reply
  const macroTexts = async (context: CoachContext) =>
    ready0
      ? (await macrosOf(ready0.store)).flatMap((macro) =>
          macroStockText(macro.body, { customerName: context.customer.displayName, agentName: context.agent?.name ?? null, subject: context.subject, bodies: context.messages.map((message) => message.body) }) ?? [],
        )
      : [];
  const coach = ready0 ? createCoachService({ store: ready0.store, bus: context.bus, now, templates: macroTexts }) : null;
  const connection = ready0
    ? createConnectionService({ store: ready0.store, bus: context.bus, now, ...(context.scheduler ? { scheduler: context.scheduler } : {}), ...(context.background ? { background: context.background } : {}) })
    : null;
  // after the connection service, so that it has reacted to an event before settledness is judged
  const background = createBackgroundWork({ bus: context.bus, analysis: () => context.analysis?.engine ?? null, connection });
  await connection?.start();
  const triage: TriageParts | null = ready0
    ? {
        tags: createTagActions(ready0.store, context.bus, now),
        snoozes: createSnoozeService({ store: ready0.store, bus: context.bus, now, ...(context.scheduler ? { scheduler: context.scheduler } : {}) }),
        targets: createResponseTargets(ready0.store, now),
      }
    : null;
  await triage?.snoozes.start();
  const teams = ready0 ? createTeamActions(ready0.store, context.bus, now) : null;
  const live = createLiveService({ bus: context.bus, now, ...(context.scheduler ? { scheduler: context.scheduler } : {}), ...context.live });
  const coachService = () => (ready(), coach!);
  const connectionService = () => (ready(), connection!);

  /** Whether the load in progress finishes one the host was killed in (a call then waits for it). */
  let demoResuming = false;
  function startDemoLoad(seed: number | undefined, resuming: boolean) {
    const { store, ingestion } = ready();
    const at = now();
    const loading = (async () => {
      // the demo's team lead owns a desk nobody has named yet
      const owner = ownerId !== null ? await store.users.getById(ownerId) : null;
      if (owner) await nameDeskOwnerForDemo(store, owner, DEMO_DESK_OWNER);
      return loadDemoWorkspace({ store, ingestion, bus: context.bus, seed, now: at });
    })();
    demoLoading = loading;
    demoResuming = resuming;
    void loading.then(
      () => (demoLoading = null),
      () => (demoLoading = null),
    );
    return loading;
  }
  // a demo load cut short (the host was killed) is finished as soon as the host is back
  if (ready0 && await unfinishedDemo(ready0.store)) {
    startDemoLoad(undefined, true).catch((error: unknown) => console.error('Kinship: finishing the demo workspace failed:', error));
  }

  const handlers: Handlers = {
    'workspace.status': (_params, caller) => status(caller),
    'workspace.background': () => background.snapshot(),
    'workspace.startEmpty': async (_params, caller) => {
      await ready().store.settings.set(STARTED_EMPTY_SETTING, true);
      context.bus.emit('workspace.changed', { reason: 'started-empty' });
      return status(caller);
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
    ...createCoachHandlers(ready, coachService, now, async (draft) => (context.analysis ? context.analysis.engine.readDraft(draft) : null)),
    ...createFollowUpHandlers(ready, context.bus, now),
    ...createMacroHandlers(ready, now),
    ...createTriageHandlers(() => (ready(), triage!)),
    ...createConversationHandlers(ready, now, coachService, context.bus),
    ...createViewHandlers(ready, now),
    ...createTeamHandlers(() => (ready(), teams!)),
    'users.list': () => ready().store.users.list(),
    ...createLiveHandlers(live, async (id) => (await ready().store.conversations.customerIdOf(id)) !== null),
    ...createAnalysisHandlers(context),
    'session.viewAs': async ({ userId }, caller) => {
      if (!desk || caller.sessionId === null) {
        throw new ApiError('forbidden', 'Viewing the console as someone else is the desk’s: on a team server everyone signs in as themselves.');
      }
      const { store } = ready();
      if (userId === null || userId === caller.person.id) {
        viewing.delete(caller.sessionId);
        return status({ ...caller, viewAs: null });
      }
      const viewed = await readPerson(store, userId);
      if (!viewed) throw new ApiError('not-found', `There is no person ${userId} in this workspace.`);
      viewing.set(caller.sessionId, viewed.id);
      return status({ ...caller, viewAs: viewed });
    },
  };

  Object.assign(handlers, withDraftMarks(handlers, ready, context.bus));

  return {
    /** One call as `caller` (a host passes the person behind the console: the desk's owner, or who signed in). */
    call: callsFirst(createDispatcher(withClientIds(handlers, () => ready().store, now), { resolve }), context.background),
    bus: context.bus,
    /** A host has a call waiting its turn: background work holds back until it is answered (the returned function). */
    callArrived: (): (() => void) => context.background?.callStarted() ?? (() => undefined),
    /** The desk's consoles' caller (the desk's owner); a team server has none. */
    deskCaller,
    /** Whether this caller's console may receive the event (shared/contract/permissions.ts EVENT_READERS). */
    receives,
    /** Listens to the events this caller's console may receive. */
    subscribe(caller: Caller, listener: (event: KinshipEvent) => void): () => void {
      return context.bus.subscribe(
        (event) => {
          if (receives(caller, event)) listener(event);
        },
        { team: true },
      );
    },
    /**
     * Follows the events this caller's console may receive from a cursor (a reconnecting console's
     * last event), the ones it missed first: see createLiveHandlers' followLive.
     */
    follow: (caller: Caller, cursor: LiveCursor | null, listener: LiveListener, restarted?: (hello: Following['hello']) => void) =>
      followLive(live.events, cursor, (event) => receives(caller, event), listener, restarted),
    /** A console (one connection) opened: its person is online, and what it views is theirs. Returns its closing. */
    openConsole(caller: Caller): () => void {
      const consoleId = caller.consoleId;
      // presence is a person's of the workspace: the desk's stand-in while its file cannot be opened has none
      if (!consoleId || context.workspace.state !== 'ready' || caller.person.id <= 0) return () => undefined;
      live.openConsole(consoleId, caller.person);
      return () => live.closeConsole(consoleId);
    },
    /** A console went away: its "view as" goes with it. */
    endSession(sessionId: string): void {
      viewing.delete(sessionId);
    },
    status,
    /** Settles once the people read again after the team's latest change (people.changed) are the ones events are filtered by. */
    peopleRead: (): Promise<void> => peopleRead,
    /** Stops the coach and the connection index following events (before the store closes). */
    close(): void {
      stopFollowingPeople();
      stopResyncingPeople();
      coach?.close();
      triage?.snoozes.close();
      background.close();
      connection?.close();
      live.close();
    },
  };
}

export type Api = Awaited<ReturnType<typeof createApi>>;
