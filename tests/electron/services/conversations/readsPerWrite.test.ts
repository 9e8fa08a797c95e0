import { describe, expect, it } from 'vitest';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { createApi } from '../../../../electron/services/api/createApi';
import { createCallActions } from '../../../../electron/services/conversations/callActions';
import { createSendWorkflow } from '../../../../electron/services/conversations/sendWorkflow';
import { createEventBus } from '../../../../electron/services/events/eventBus';
import { createIngestionService } from '../../../../electron/services/ingestion/ingestionService';
import { openTestStore, STORE_KINDS } from '../../../helpers/bothStores';
import { ok } from '../../../helpers/callApi';
import { countingStore } from '../../../helpers/countingStore';

/**
 * What a reply, a call's steps and a draft's autosave read on the way: the customer is read once
 * per write (the keys a reply holds on PostgreSQL are read with it, and handed on), on SQLite nothing
 * is read to hold keys there is no need to hold, and an autosave looks its conversation up once, by key.
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0);
const arrival = (channel: IngestMessage['channel']): IngestMessage => ({
  channel,
  customer: { displayName: 'Sam Carter', identities: [{ kind: 'phone', value: '+44 7700 900123' }] },
  conversation: { externalRef: `${channel}-sam` },
  message: { author: 'customer', body: 'Where is my parcel? It is a week late.', sentAt: T0, externalId: `sam-${channel}` },
});

async function workspace(kind: (typeof STORE_KINDS)[number], channel: IngestMessage['channel'] = 'chat') {
  const { store } = await openTestStore(kind);
  const bus = createEventBus();
  const { conversationId, customerId } = await createIngestionService(store, bus).ingest(arrival(channel));
  const spy = countingStore(store);
  return { store, bus, spy, conversationId, customerId, ingestion: createIngestionService(spy.store, bus) };
}

/** A workspace in which a reply has just been sent through the send workflow (no draft check, no prompts): what it read. */
async function sentReply(kind: (typeof STORE_KINDS)[number]) {
  const { spy, ingestion, conversationId } = await workspace(kind);
  const workflow = createSendWorkflow({ store: spy.store, ingestion, coach: { checkDraft: async () => [], settle: async () => [] }, findPromises: () => [], now: () => T0 + 1_000 });
  const sent = await workflow.send({ conversationId, kind: 'reply', body: 'Hi Sam, I am sorry it is late: I am on it now.', user: null });
  expect(sent).toMatchObject({ outcome: 'sent', message: { author: 'agent' } });
  return { spy };
}

describe.each(STORE_KINDS)('the reads of a write on %s', (kind) => {
  it('a reply reads its customer once', async () => {
    const { spy } = await sentReply(kind);
    // (before: twice; on SQLite the conversation and the customer were read to hold keys there is no need to hold)
    expect(spy.count('customers.getById')).toBe(1);
    // the summary before the send, the post's (its row held) and the answer's: on PostgreSQL every
    // read is a round trip, most of them inside the send's transaction (before: five on PostgreSQL —
    // holding the post's keys and the ingestion's check that the conversation exists read it again —
    // four on SQLite; before that, five on either store)
    expect(spy.count('conversations.getSummary')).toBe(3);
  });

  it.runIf(kind === 'postgres')('a reply holds its keys and its conversation’s row once, and looks its customer up by none of their identities', async () => {
    const { spy } = await sentReply(kind);
    // each a round trip inside the send's transaction (before: twice each, and the customer found again by their phone)
    expect(spy.count('messages.holdArrival')).toBe(1);
    expect(spy.count('conversations.holdForWrite')).toBe(1);
    expect(spy.count('customers.findIdByIdentity')).toBe(0);
    expect(spy.count('conversations.customerIdOf')).toBe(0);
  });

  it('a reply sent through the api reads its conversation’s summary three times, its check included', async () => {
    const { spy, bus, ingestion, conversationId } = await workspace(kind);
    const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store: spy.store, ingestion }, now: () => T0 + 1_000 });
    const caller = await api.deskCaller(null);
    spy.reset();
    await ok(api, 'conversations.send', { conversationId, kind: 'reply', body: 'Hi Sam, I am sorry it is late: I am on it now.', draftCheck: { decision: 'send-anyway', shown: [] } }, caller);
    // (before: seven on PostgreSQL, six on SQLite — the handler's check that it exists and the draft check read it again too)
    expect(spy.count('conversations.getSummary')).toBe(3);
    const missing = await api.call('conversations.send', { conversationId: conversationId + 100, kind: 'reply', body: 'Hi' }, caller);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', message: `There is no conversation ${conversationId + 100}.` } });
  });

  it(kind === 'postgres' ? 'holds a post’s keys, and hands on the customer it read for them' : 'holds nothing for a post, and reads nothing for it', async () => {
    const { spy, ingestion, conversationId, customerId } = await workspace(kind);
    const customer = await spy.store.transaction(() => ingestion.holdForPost(conversationId));
    if (kind === 'postgres') {
      expect(customer).toMatchObject({ id: customerId, identities: [{ kind: 'phone' }] });
      expect(spy.count('messages.holdArrival')).toBe(1);
    } else {
      expect(customer).toBeNull();
      expect(spy.total()).toBe(0);
    }
  });

  it('each step of a call reads its customer once (twice for an ending with a wrap-up, on SQLite)', async () => {
    const { spy, ingestion, conversationId } = await workspace(kind, 'voice');
    let clock = T0;
    const calls = createCallActions(spy.store, ingestion, () => (clock += 1_000));
    const reads = async (step: () => Promise<unknown>) => {
      spy.reset();
      await step();
      return spy.count('customers.getById');
    };
    expect(await reads(() => calls.start(conversationId, null))).toBe(1);
    expect(await reads(() => calls.note(conversationId, 'Checked the courier', null))).toBe(1);
    // (before: three — one to hold the keys, one for each message)
    expect(await reads(() => calls.end(conversationId, 'resolved', 'Parcel found, arriving tomorrow', null))).toBe(kind === 'postgres' ? 1 : 2);
  });

  it('an autosave looks its conversation up once', async () => {
    const { spy, bus, ingestion, conversationId } = await workspace(kind);
    const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store: spy.store, ingestion }, now: () => T0 + 1_000 });
    const caller = await api.deskCaller(null);
    spy.reset();
    await ok(api, 'drafts.save', { conversationId, kind: 'reply', body: 'Hi Sam,' }, caller);
    // one narrow read by key, not the conversation's whole summary (before: one summary; before that, four —
    // the handler's check, the action's, and the draft mark's before and after)
    expect(spy.count('conversations.getSummary')).toBe(0);
    expect(spy.count('conversations.customerIdOf')).toBe(1);
    // the conversation's row is not held for it (its draft is: drafts.hold)
    expect(spy.count('conversations.holdForWrite')).toBe(0);
    expect(spy.count('drafts.hold')).toBe(1);
    const missing = await api.call('drafts.save', { conversationId: conversationId + 100, kind: 'reply', body: 'Hi' }, caller);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', message: `There is no conversation ${conversationId + 100}.` } });
  });

  it('opening a conversation reads the person’s drafts, and what each was last sent as, in one read', async () => {
    const { spy, bus, ingestion, conversationId } = await workspace(kind);
    const api = await createApi({ host: 'web', bus, workspace: { state: 'ready', store: spy.store, ingestion }, now: () => T0 + 1_000 });
    const caller = await api.deskCaller(null);
    await ok(api, 'drafts.save', { conversationId, kind: 'note', body: 'Courier says Tuesday' }, caller);
    spy.reset();
    const opened = await ok(api, 'conversations.get', { id: conversationId }, caller);
    expect(opened.drafts).toMatchObject({ reply: null, note: { body: 'Courier says Tuesday' } });
    expect(opened.draftsSentAs).toEqual({ reply: null, note: null });
    // (before: two — the drafts, then what they were sent as)
    expect(spy.count('drafts.ofPerson')).toBe(1);
    expect(spy.count('drafts.byKind')).toBe(0);
  });
});
