import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../../electron/services/api/createApi';
import type { Caller } from '../../../../electron/services/api/caller';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion';
import type { KinshipEvent } from '../../../../shared/contract/events';
import { manualScheduler } from '../../../helpers/manualScheduler';
import { testStore } from '../../../helpers/testStore';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import type { StoreKind } from '../../../../electron/services/store/sqlDialect';

const NOW = Date.UTC(2026, 10, 28, 10, 0);
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A team server's api over a real workspace, with one person following its events from a console. */
async function following(role: 'agent' | 'executive', kind: StoreKind | 'file' = 'file') {
  const store = kind === 'file' ? await testStore() : (await openTestStore(kind)).store;
  const bus = createEventBus();
  const scheduler = manualScheduler();
  const api = await createApi({ host: 'web', mode: 'team', bus, workspace: { state: 'ready', store, ingestion: createIngestionService(store, bus) }, now: () => NOW + scheduler.now(), scheduler });
  closers.push(() => api.close());
  const user = await store.users.create({ name: 'Aisha', email: 'aisha@kinship.test', role }, NOW);
  const caller: Caller = { person: user, sessionId: 'session-aisha', consoleId: 'console-aisha' };
  const heard: KinshipEvent[] = [];
  api.follow(caller, null, (event) => heard.push(event));
  // her own draft's mark: only those who may write a draft receive it
  const draftMark = () => bus.emit('draft.changed', { conversationId: 1, userId: user.id, hasDraft: true });
  const draftMarks = () => heard.filter((event) => event.name === 'draft.changed').length;
  return { store, bus, api, user, caller, draftMark, draftMarks };
}

describe('who receives an event', () => {
  it('follows a change of role as soon as the team says so: an agent made executive stops receiving what executives may not', async () => {
    const { store, bus, api, user, draftMark, draftMarks } = await following('agent');
    draftMark();
    expect(draftMarks()).toBe(1);
    await store.people.setRole(user.id, 'executive');
    bus.emit('people.changed', { personId: user.id });
    await api.peopleRead();
    draftMark();
    expect(draftMarks()).toBe(1);
    await store.people.setRole(user.id, 'agent');
    bus.emit('people.changed', { personId: user.id });
    await api.peopleRead();
    draftMark();
    expect(draftMarks()).toBe(2);
  });

  it.each(STORE_KINDS)('a call that read the person before the team changed does not put back what it read: the change stands (%s)', async (kind) => {
    const { store, bus, api, user, draftMark, draftMarks } = await following('agent', kind);
    // the call's read of its caller is slow: it read "agent", and answers only after the change below
    const getById = store.users.getById.bind(store.users);
    let readHeld!: () => void;
    const held = new Promise<void>((resolve) => (readHeld = resolve));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    vi.spyOn(store.users, 'getById').mockImplementationOnce(async (id) => {
      const person = await getById(id);
      readHeld();
      await answered;
      return person;
    });
    const caller: Caller = { person: user, sessionId: 'session-aisha', consoleId: 'console-aisha' };
    const call = api.call('users.list', {}, caller);
    await held;
    await store.people.setRole(user.id, 'executive');
    bus.emit('people.changed', { personId: user.id });
    await api.peopleRead();
    answer();
    await call;
    // she is an executive now: her console no longer receives draft marks
    draftMark();
    expect(draftMarks()).toBe(0);
  });

  it('reads everyone known again when the team’s events may have been missed: a role given meanwhile (its people.changed lost) is followed', async () => {
    const { store, bus, api, user, caller, draftMark, draftMarks } = await following('agent');
    // her console's calls have read her: events are filtered by what they read
    await api.call('workspace.status', {}, caller);
    draftMark();
    expect(draftMarks()).toBe(1);
    // another server process made her an executive while this one's link to the others was down: its people.changed never came
    await store.people.setRole(user.id, 'executive');
    bus.missed();
    await api.peopleRead();
    draftMark();
    expect(draftMarks()).toBe(1);
  });

  it('does not read who the person is for every event: once, and again only after the team changed', async () => {
    const { store, bus, api, user, draftMark, draftMarks } = await following('agent');
    const reads = vi.spyOn(store.users, 'getById');
    for (let i = 0; i < 200; i += 1) draftMark();
    expect(draftMarks()).toBe(200);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(1);
    bus.emit('people.changed', { personId: user.id });
    await api.peopleRead();
    for (let i = 0; i < 200; i += 1) draftMark();
    expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
  });
});
